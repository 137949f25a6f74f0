namespace SegGanLab.Data;

/// <summary>Resizes to a fixed size: bilinear for the image, nearest neighbour for the mask.</summary>
public sealed class Resize : JointTransform
{
    /// <summary>Creates the transform.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a non-positive size.</exception>
    public Resize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        (Width, Height) = (width, height);
    }

    /// <summary>The output width.</summary>
    public int Width { get; }

    /// <summary>The output height.</summary>
    public int Height { get; }

    /// <inheritdoc/>
    public override SegmentationSample Apply(SegmentationSample sample, ref DataRandom random) => To(sample, Width, Height);

    /// <summary>Resizes <paramref name="sample"/> to <paramref name="width"/> x <paramref name="height"/> (a no-op when it has that size).</summary>
    internal static SegmentationSample To(SegmentationSample sample, int width, int height) =>
        sample.Width == width && sample.Height == height
            ? sample
            : sample.With(width, height, Resampling.ResizeBilinear(sample.Image, sample.Width, sample.Height, width, height),
                          Resampling.ResizeNearest(sample.Mask, sample.Width, sample.Height, width, height));

    /// <inheritdoc/>
    public override string ToString() => $"Resize({Width}x{Height})";
}
