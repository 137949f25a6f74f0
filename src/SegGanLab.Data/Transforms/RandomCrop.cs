namespace SegGanLab.Data;

/// <summary>
/// Cuts a random <see cref="Width"/> x <see cref="Height"/> window. A sample smaller than the
/// window is first padded on the right and bottom: the image with <see cref="ImageFill"/>, the mask
/// with the ignore index, so padding never counts in losses or metrics.
/// </summary>
public sealed class RandomCrop : JointTransform
{
    /// <summary>Creates the transform.</summary>
    /// <param name="width">Window width.</param>
    /// <param name="height">Window height.</param>
    /// <param name="imageFill">The grey level of padded image pixels.</param>
    /// <exception cref="ArgumentOutOfRangeException">For a non-positive size.</exception>
    public RandomCrop(int width, int height, byte imageFill = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        (Width, Height, ImageFill) = (width, height, imageFill);
    }

    /// <summary>The window width.</summary>
    public int Width { get; }

    /// <summary>The window height.</summary>
    public int Height { get; }

    /// <summary>The grey level of padded image pixels.</summary>
    public byte ImageFill { get; }

    /// <inheritdoc/>
    public override SegmentationSample Apply(SegmentationSample sample, ref DataRandom random)
    {
        var left = sample.Width > Width ? random.NextInt(sample.Width - Width + 1) : 0;
        var top = sample.Height > Height ? random.NextInt(sample.Height - Height + 1) : 0;
        return PadToMultiple.Window(sample, left, top, Width, Height, ImageFill);
    }

    /// <inheritdoc/>
    public override string ToString() => $"RandomCrop({Width}x{Height})";
}
