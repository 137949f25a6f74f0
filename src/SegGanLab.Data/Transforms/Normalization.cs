using System.Globalization;
using SegGanLab.Imaging;
using SegGanLab.Torch;

namespace SegGanLab.Data;

/// <summary>
/// The per-channel normalisation of images when they become tensors: x = (pixel/255 - mean) / std.
/// It keeps its inverse, so samples can be shown again (<see cref="ToImage"/>).
/// </summary>
public sealed class Normalization
{
    readonly float[] _mean;
    readonly float[] _std;

    /// <summary>Creates a normalisation from per-channel (R, G, B) mean and standard deviation on the 0..1 scale.</summary>
    /// <exception cref="ArgumentException">Unless both have 3 values and every std is positive.</exception>
    public Normalization(IReadOnlyList<double> mean, IReadOnlyList<double> std)
    {
        if (mean.Count != 3 || std.Count != 3)
            throw new ArgumentException($"Normalization needs 3 means and 3 standard deviations (R, G, B), got {mean.Count} and {std.Count}.");
        if (std.Any(s => !(s > 0)))
            throw new ArgumentException($"Normalization's standard deviations must be positive, got [{string.Join(", ", std)}].", nameof(std));
        _mean = mean.Select(m => (float)m).ToArray();
        _std = std.Select(s => (float)s).ToArray();
    }

    /// <summary>ImageNet statistics (mean 0.485, 0.456, 0.406; std 0.229, 0.224, 0.225): the default, as pretrained encoders expect.</summary>
    public static Normalization ImageNet { get; } = new([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);

    /// <summary>Pixels scaled to 0..1 and nothing else.</summary>
    public static Normalization UnitRange { get; } = new([0, 0, 0], [1, 1, 1]);

    /// <summary>Pixels scaled to -1..1 (mean 0.5, std 0.5), as pix2pix-style generators use.</summary>
    public static Normalization Symmetric { get; } = new([0.5, 0.5, 0.5], [0.5, 0.5, 0.5]);

    /// <summary>The per-channel means (0..1 scale).</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>The per-channel standard deviations (0..1 scale).</summary>
    public IReadOnlyList<float> Std => _std;

    /// <summary>Writes an interleaved RGB image as normalised planes (C, H, W) into <paramref name="destination"/>.</summary>
    public void Normalize(ReadOnlySpan<byte> rgb, Span<float> destination)
    {
        var n = rgb.Length / 3;
        if (destination.Length < rgb.Length) throw new ArgumentException($"The destination holds {destination.Length} values but {n} RGB pixels need {rgb.Length}.", nameof(destination));
        for (var c = 0; c < 3; c++)
        {
            // (p/255 - mean)/std = p*scale + shift: one multiply-add a value.
            var scale = 1f / (255f * _std[c]);
            var shift = -_mean[c] / _std[c];
            var plane = destination.Slice(c * n, n);
            for (var i = 0; i < n; i++) plane[i] = rgb[3 * i + c] * scale + shift;
        }
    }

    /// <summary>Undoes the normalisation of a [3,H,W] or [N,3,H,W] tensor, giving values in 0..1 (a new tensor).</summary>
    public Tensor Denormalize(Tensor images)
    {
        var shape = images.dim() == 4 ? new long[] { 1, 3, 1, 1 } : [3, 1, 1];
        using var std = torch.tensor(_std, shape, images.device);
        using var mean = torch.tensor(_mean, shape, images.device);
        using var stdTyped = std.to(images.dtype);
        using var meanTyped = mean.to(images.dtype);
        using var scaled = images.mul(stdTyped);
        return scaled.add(meanTyped);
    }

    /// <summary>An RGB image from one normalised [3,H,W] tensor (any device), for showing or saving samples.</summary>
    /// <exception cref="ArgumentException">When the tensor is not [3,H,W].</exception>
    public ImageData ToImage(Tensor image)
    {
        var shape = image.shape;
        if (shape.Length != 3 || shape[0] != 3)
            throw new ArgumentException($"ToImage needs one [3,H,W] image, got [{string.Join(",", shape)}]; select a sample of a batch with images[k].", nameof(image));
        using var asFloat = image.to(ScalarType.Float32);
        var planes = asFloat.data<float>();
        int h = (int)shape[1], w = (int)shape[2], n = h * w;
        var rgb = new byte[n * 3];
        for (var c = 0; c < 3; c++)
            for (var i = 0; i < n; i++)
                rgb[3 * i + c] = (byte)Math.Clamp((planes[c * n + i] * _std[c] + _mean[c]) * 255f + 0.5f, 0f, 255f);
        return new ImageData(w, h, 3, rgb);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        ReferenceEquals(this, ImageNet) ? "Normalize(ImageNet)"
        : string.Create(CultureInfo.InvariantCulture, $"Normalize(mean=[{string.Join(", ", _mean.Select(m => m.ToString("0.###", CultureInfo.InvariantCulture)))}], std=[{string.Join(", ", _std.Select(s => s.ToString("0.###", CultureInfo.InvariantCulture)))}])");
}
