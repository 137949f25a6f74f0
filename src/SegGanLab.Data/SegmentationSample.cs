namespace SegGanLab.Data;

/// <summary>
/// One decoded sample in managed memory: an RGB image (interleaved, 8 bits a channel, row-major)
/// and its label map (one byte a pixel: a class index or the ignore index). Datasets return a
/// fresh sample on every call, so joint transforms may change its buffers in place.
/// </summary>
public sealed class SegmentationSample
{
    /// <summary>Wraps the buffers (no copy).</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="image">width*height*3 bytes, RGB interleaved.</param>
    /// <param name="mask">width*height labels.</param>
    /// <param name="ignoreIndex">The label that marks pixels excluded from losses and metrics (used when padding).</param>
    /// <param name="name">The sample's name or path, for error messages.</param>
    /// <exception cref="ArgumentException">When a buffer's length does not match the size.</exception>
    public SegmentationSample(int width, int height, byte[] image, byte[] mask, byte ignoreIndex, string name)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        if (width <= 0 || height <= 0)
            throw new ArgumentException($"Sample '{name}' has size {width}x{height}; both sides must be positive.");
        if (image.Length != (long)width * height * 3)
            throw new ArgumentException($"Sample '{name}': the image holds {image.Length} bytes but {width}x{height} RGB needs {(long)width * height * 3}.", nameof(image));
        if (mask.Length != (long)width * height)
            throw new ArgumentException($"Sample '{name}': the mask holds {mask.Length} labels but {width}x{height} needs {(long)width * height}.", nameof(mask));
        (Width, Height, Image, Mask, IgnoreIndex, Name) = (width, height, image, mask, ignoreIndex, name);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>RGB bytes, interleaved, row-major: pixel (x, y) starts at (y*Width + x)*3.</summary>
    public byte[] Image { get; }

    /// <summary>Labels, row-major: pixel (x, y) is at y*Width + x.</summary>
    public byte[] Mask { get; }

    /// <summary>The ignore index of the sample's dataset: padding and rotation fill the mask with it.</summary>
    public byte IgnoreIndex { get; }

    /// <summary>The sample's name (file path or synthetic id), for error messages.</summary>
    public string Name { get; }

    /// <summary>A sample of another size or content, keeping the ignore index and name.</summary>
    public SegmentationSample With(int width, int height, byte[] image, byte[] mask) => new(width, height, image, mask, IgnoreIndex, Name);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Width}x{Height})";
}
