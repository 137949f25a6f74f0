namespace SegGanLab.Imaging;

/// <summary>
/// A decode in two steps, so a caller can size (or reuse) the pixel buffer in between: opening
/// reads and checks the header (size limits, mode compatibility), <see cref="DecodeInto"/> writes
/// the pixels. Both steps are given the same encoded bytes.
/// </summary>
internal abstract class PixelDecoder : IDisposable
{
    /// <summary>The image the decode produces.</summary>
    public abstract DecodedImage Output { get; }

    /// <summary>Decodes <paramref name="data"/> into the first <see cref="DecodedImage.ByteCount"/> bytes of <paramref name="destination"/>.</summary>
    public abstract void DecodeInto(ReadOnlySpan<byte> data, Span<byte> destination);

    /// <summary>Releases native resources, if any.</summary>
    public virtual void Dispose() { }

    /// <summary>Rejects sizes over <see cref="ImageFile.MaxPixels"/> before anything is allocated.</summary>
    protected static void CheckSize(long width, long height, string? source)
    {
        var pixels = width * height;
        if (pixels > ImageFile.MaxPixels)
            throw new ImageFormatException(source,
                $"the image is {width}x{height} = {pixels} pixels, more than ImageFile.MaxPixels ({ImageFile.MaxPixels}); " +
                "if the file is genuine, raise ImageFile.MaxPixels");
    }
}
