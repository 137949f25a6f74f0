namespace SegGanLab.Imaging;

/// <summary>
/// Decoded pixels: 8 bits per sample, row-major, channels interleaved
/// (<c>Pixels[(y * Width + x) * Channels + c]</c>). When <see cref="Palette"/> is set the image has
/// one channel and its values are palette indices (or class labels coloured by the palette).
/// </summary>
public sealed class ImageData
{
    /// <summary>An image over existing pixels (not copied).</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="channels">1 (gray, labels or palette indices), 2 (gray+alpha), 3 (RGB) or 4 (RGBA).</param>
    /// <param name="pixels">Exactly <c>width * height * channels</c> bytes.</param>
    /// <param name="palette">The palette the pixels index into; only with one channel.</param>
    /// <exception cref="ArgumentException">A size is out of range, the buffer length is wrong, or a palette comes with more than one channel.</exception>
    public ImageData(int width, int height, int channels, byte[] pixels, Palette? palette = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var expected = CheckShape(width, height, channels, palette);
        if (pixels.LongLength != expected)
            throw new ArgumentException(
                $"A {width}x{height} image with {channels} channel(s) needs {expected} bytes, got {pixels.LongLength}.", nameof(pixels));
        (Width, Height, Channels, Pixels, Palette) = (width, height, channels, pixels, palette);
    }

    /// <summary>A zero-filled image (black, transparent, or all index 0).</summary>
    /// <exception cref="ArgumentException">A size is out of range or a palette comes with more than one channel.</exception>
    public ImageData(int width, int height, int channels, Palette? palette = null)
        : this(width, height, channels, new byte[CheckShape(width, height, channels, palette)], palette)
    {
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Samples per pixel: 1, 2, 3 or 4.</summary>
    public int Channels { get; }

    /// <summary>The samples, <c>Width * Height * Channels</c> bytes, row-major and interleaved.</summary>
    public byte[] Pixels { get; }

    /// <summary>The palette the pixels index into, or null when they are gray/colour samples.</summary>
    public Palette? Palette { get; }

    /// <summary>Bytes per row: <c>Width * Channels</c>.</summary>
    public int Stride => Width * Channels;

    /// <summary>The samples of row <paramref name="y"/>.</summary>
    public Span<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Pixels.AsSpan(y * Stride, Stride);
    }

    /// <summary>Sample <paramref name="channel"/> of pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public byte this[int x, int y, int channel = 0]
    {
        get => Pixels[Offset(x, y, channel)];
        set => Pixels[Offset(x, y, channel)] = value;
    }

    /// <summary>The same pixels and size with <paramref name="palette"/> attached (one channel only).</summary>
    public ImageData WithPalette(Palette? palette) => new(Width, Height, Channels, Pixels, palette);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Width}x{Height}x{Channels}{(Palette is null ? "" : $" indices into a {Palette.Count}-colour palette")}";

    int Offset(int x, int y, int channel)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height || (uint)channel >= (uint)Channels)
            throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}, channel {channel}) is outside the {Width}x{Height}x{Channels} image.");
        return (y * Width + x) * Channels + channel;
    }

    static long CheckShape(int width, int height, int channels, Palette? palette)
    {
        if (width < 1 || height < 1)
            throw new ArgumentException($"Image sizes must be at least 1x1, got {width}x{height}.");
        if (channels is < 1 or > 4)
            throw new ArgumentException($"Images have 1 to 4 channels, got {channels}.", nameof(channels));
        if (palette is not null && channels != 1)
            throw new ArgumentException($"A palette image has one channel of indices, got {channels} channels.", nameof(palette));
        var bytes = (long)width * height * channels;
        if (bytes > Array.MaxLength)
            throw new ArgumentException($"A {width}x{height}x{channels} image needs {bytes} bytes, more than one array can hold.");
        return bytes;
    }
}
