using System.Globalization;

namespace SegGanLab.Data;

/// <summary>
/// Rotates about the centre by an angle drawn uniformly from [-<see cref="Degrees"/>, <see cref="Degrees"/>],
/// keeping the size: bilinear for the image (uncovered pixels get <see cref="ImageFill"/>), nearest
/// neighbour for the mask (uncovered pixels get the ignore index).
/// </summary>
public sealed class RandomRotation : JointTransform
{
    /// <summary>Creates the transform.</summary>
    /// <param name="degrees">The largest rotation either way.</param>
    /// <param name="probability">The chance of rotating at all.</param>
    /// <param name="imageFill">The grey level of uncovered image pixels.</param>
    /// <exception cref="ArgumentOutOfRangeException">For negative degrees or a probability outside 0..1.</exception>
    public RandomRotation(double degrees, double probability = 1.0, byte imageFill = 0)
    {
        if (!(degrees >= 0) || degrees > 180)
            throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "RandomRotation's degrees must be within 0..180.");
        if (probability is < 0 or > 1 || double.IsNaN(probability))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "RandomRotation's probability must be within 0..1.");
        (Degrees, Probability, ImageFill) = (degrees, probability, imageFill);
    }

    /// <summary>The largest rotation either way, in degrees.</summary>
    public double Degrees { get; }

    /// <summary>The chance of rotating.</summary>
    public double Probability { get; }

    /// <summary>The grey level of uncovered image pixels.</summary>
    public byte ImageFill { get; }

    /// <inheritdoc/>
    public override SegmentationSample Apply(SegmentationSample sample, ref DataRandom random)
    {
        var rotate = random.Chance(Probability);
        var angle = random.Uniform(-Degrees, Degrees) * Math.PI / 180;
        return rotate && angle != 0 ? Rotate(sample, angle) : sample;
    }

    SegmentationSample Rotate(SegmentationSample sample, double angle)
    {
        int w = sample.Width, h = sample.Height;
        var src = sample.Image;
        var labels = sample.Mask;
        var image = new byte[w * h * 3];
        var mask = new byte[w * h];
        double cx = w / 2.0, cy = h / 2.0, cos = Math.Cos(angle), sin = Math.Sin(angle);
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                // Inverse map: the source position that lands on output pixel centre (x, y).
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                var sx = cos * dx + sin * dy + cx - 0.5;
                var sy = -sin * dx + cos * dy + cy - 0.5;
                var o = y * w + x;
                int nx = (int)Math.Round(sx), ny = (int)Math.Round(sy);
                mask[o] = nx >= 0 && ny >= 0 && nx < w && ny < h ? labels[ny * w + nx] : sample.IgnoreIndex;
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                float fx = (float)(sx - x0), fy = (float)(sy - y0);
                for (var k = 0; k < 3; k++)
                {
                    float a = Pixel(src, w, h, x0, y0, k), b = Pixel(src, w, h, x0 + 1, y0, k);
                    float c = Pixel(src, w, h, x0, y0 + 1, k), d = Pixel(src, w, h, x0 + 1, y0 + 1, k);
                    var top = a + (b - a) * fx;
                    var bottom = c + (d - c) * fx;
                    image[o * 3 + k] = (byte)Math.Clamp(top + (bottom - top) * fy + 0.5f, 0, 255);
                }
            }
        return sample.With(w, h, image, mask);
    }

    float Pixel(byte[] src, int w, int h, int x, int y, int channel) =>
        x >= 0 && y >= 0 && x < w && y < h ? src[(y * w + x) * 3 + channel] : ImageFill;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"RandomRotation(±{Degrees:0.###}°{(Probability < 1 ? $", p={Probability:0.###}" : "")})");
}
