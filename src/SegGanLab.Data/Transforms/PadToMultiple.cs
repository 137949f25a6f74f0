namespace SegGanLab.Data;

/// <summary>
/// Pads on the right and bottom up to the next multiple of <see cref="Multiple"/> (the image with
/// <see cref="ImageFill"/>, the mask with the ignore index), so whole images fit encoders that halve
/// the size several times: CamVid's 480x360 becomes 480x368 for a multiple of 16. Deterministic,
/// for validation and prediction.
/// </summary>
public sealed class PadToMultiple : JointTransform
{
    /// <summary>Creates the transform.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a multiple below 1.</exception>
    public PadToMultiple(int multiple, byte imageFill = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiple);
        (Multiple, ImageFill) = (multiple, imageFill);
    }

    /// <summary>Both sides become multiples of this.</summary>
    public int Multiple { get; }

    /// <summary>The grey level of padded image pixels.</summary>
    public byte ImageFill { get; }

    /// <inheritdoc/>
    public override SegmentationSample Apply(SegmentationSample sample, ref DataRandom random)
    {
        var width = (sample.Width + Multiple - 1) / Multiple * Multiple;
        var height = (sample.Height + Multiple - 1) / Multiple * Multiple;
        return width == sample.Width && height == sample.Height ? sample : Window(sample, 0, 0, width, height, ImageFill);
    }

    /// <summary>
    /// The <paramref name="width"/> x <paramref name="height"/> window at (<paramref name="left"/>,
    /// <paramref name="top"/>); where it reaches past the sample, the image gets <paramref name="fill"/>
    /// and the mask the ignore index.
    /// </summary>
    internal static SegmentationSample Window(SegmentationSample sample, int left, int top, int width, int height, byte fill)
    {
        var image = new byte[width * height * 3];
        var mask = new byte[width * height];
        var copyWidth = Math.Clamp(sample.Width - left, 0, width);
        var copyHeight = Math.Clamp(sample.Height - top, 0, height);
        if (copyWidth < width || copyHeight < height)
        {
            image.AsSpan().Fill(fill);
            mask.AsSpan().Fill(sample.IgnoreIndex);
        }
        for (var y = 0; y < copyHeight; y++)
        {
            var source = (top + y) * sample.Width + left;
            sample.Image.AsSpan(source * 3, copyWidth * 3).CopyTo(image.AsSpan(y * width * 3));
            sample.Mask.AsSpan(source, copyWidth).CopyTo(mask.AsSpan(y * width));
        }
        return sample.With(width, height, image, mask);
    }

    /// <inheritdoc/>
    public override string ToString() => $"PadToMultiple({Multiple})";
}
