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
        var image = new byte[Width * Height * 3];
        var mask = new byte[Width * Height];
        if (sample.Width < Width || sample.Height < Height)
        {
            image.AsSpan().Fill(ImageFill);
            mask.AsSpan().Fill(sample.IgnoreIndex);
        }
        var copyWidth = Math.Min(Width, sample.Width);
        var copyHeight = Math.Min(Height, sample.Height);
        for (var y = 0; y < copyHeight; y++)
        {
            var source = (top + y) * sample.Width + left;
            sample.Image.AsSpan(source * 3, copyWidth * 3).CopyTo(image.AsSpan(y * Width * 3));
            sample.Mask.AsSpan(source, copyWidth).CopyTo(mask.AsSpan(y * Width));
        }
        return sample.With(Width, Height, image, mask);
    }

    /// <inheritdoc/>
    public override string ToString() => $"RandomCrop({Width}x{Height})";
}
