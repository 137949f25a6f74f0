using System.Buffers;
using System.Globalization;

namespace SegGanLab.Data;

/// <summary>
/// Photometric jitter of the image only, as torchvision's ColorJitter: brightness, contrast and
/// saturation factors drawn from [1-x, 1+x], a hue shift from [-hue, hue] (fractions of the colour
/// circle), applied in a random order. The mask is untouched.
/// </summary>
public sealed class ColorJitter : JointTransform
{
    /// <summary>Creates the transform; 0 turns a component off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For negative strengths or a hue above 0.5.</exception>
    public ColorJitter(double brightness = 0, double contrast = 0, double saturation = 0, double hue = 0)
    {
        if (!(brightness >= 0) || !(contrast >= 0) || !(saturation >= 0))
            throw new ArgumentOutOfRangeException(nameof(brightness), "ColorJitter's brightness, contrast and saturation must be non-negative.");
        if (!(hue is >= 0 and <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(hue), hue, "ColorJitter's hue is a fraction of the colour circle within 0..0.5.");
        (Brightness, Contrast, Saturation, Hue) = (brightness, contrast, saturation, hue);
    }

    /// <summary>Brightness strength.</summary>
    public double Brightness { get; }
    /// <summary>Contrast strength.</summary>
    public double Contrast { get; }
    /// <summary>Saturation strength.</summary>
    public double Saturation { get; }
    /// <summary>Largest hue shift (fraction of the colour circle).</summary>
    public double Hue { get; }

    /// <inheritdoc/>
    public override SegmentationSample Apply(SegmentationSample sample, ref DataRandom random)
    {
        Span<int> order = [0, 1, 2, 3];
        random.Shuffle(order);
        var brightness = Factor(ref random, Brightness);
        var contrast = Factor(ref random, Contrast);
        var saturation = Factor(ref random, Saturation);
        var hue = (float)random.Uniform(-Hue, Hue);
        var rgb = sample.Image;
        // A pooled float copy: the steps must not round to bytes in between (torchvision's float path).
        var buffer = ArrayPool<float>.Shared.Rent(rgb.Length);
        try
        {
            var px = buffer.AsSpan(0, rgb.Length);
            for (var i = 0; i < rgb.Length; i++) px[i] = rgb[i];
            foreach (var step in order)
            {
                switch (step)
                {
                    case 0 when brightness != 1: Blend(px, brightness, 0, perPixelGray: false); break;
                    case 1 when contrast != 1: Blend(px, contrast, MeanGray(px), perPixelGray: false); break;
                    case 2 when saturation != 1: Blend(px, saturation, 0, perPixelGray: true); break;
                    case 3 when hue != 0: ColorSpace.ShiftHue(px, hue); break;
                }
            }
            for (var i = 0; i < rgb.Length; i++) rgb[i] = (byte)(px[i] + 0.5f);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
        return sample;
    }

    static float Factor(ref DataRandom random, double strength) =>
        strength == 0 ? 1f : (float)random.Uniform(Math.Max(0, 1 - strength), 1 + strength);

    // out = f*x + (1-f)*base, clamped to 0..255; base is a constant or, for saturation, each pixel's grey level.
    static void Blend(Span<float> px, float factor, float constant, bool perPixelGray)
    {
        var rest = 1 - factor;
        for (var i = 0; i < px.Length; i += 3)
        {
            var baseline = perPixelGray ? ColorSpace.Gray(px[i], px[i + 1], px[i + 2]) : constant;
            for (var k = 0; k < 3; k++) px[i + k] = Math.Clamp(factor * px[i + k] + rest * baseline, 0f, 255f);
        }
    }

    static float MeanGray(ReadOnlySpan<float> px)
    {
        double sum = 0;
        for (var i = 0; i < px.Length; i += 3) sum += ColorSpace.Gray(px[i], px[i + 1], px[i + 2]);
        return (float)(sum / (px.Length / 3));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ColorJitter(brightness={Brightness:0.###}, contrast={Contrast:0.###}, saturation={Saturation:0.###}, hue={Hue:0.###})");
}
