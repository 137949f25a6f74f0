using System.Buffers;
using SegGanLab.Imaging.Jpeg;
using SegGanLab.Imaging.Png;

namespace SegGanLab.Imaging;

/// <summary>
/// Reads PNG and JPEG files and writes PNG. The format is told from the content, never the name.
/// Every problem with the bytes is an <see cref="ImageFormatException"/> naming the file; the methods
/// are thread-safe and keep no state between calls.
/// </summary>
/// <example>
/// <code>
/// var photo = ImageFile.Read("camvid/train/0001TP_006690.png", ColorMode.Rgb);  // 480x360x3
/// var mask = ImageFile.Read("voc/SegmentationClass/2007_000032.png", ColorMode.Labels);
/// byte cls = mask[x: 10, y: 20];                                                // a class index, 255 = boundary
/// ImageFile.WritePng("pred.png", new ImageData(w, h, 1, labels, mask.Palette));
/// </code>
/// </example>
public static partial class ImageFile
{
    /// <summary>The default of <see cref="MaxPixels"/>: 2^28 pixels (16384 x 16384).</summary>
    public const long DefaultMaxPixels = 1L << 28;

    const int InfoPrefixLength = 64 * 1024;
    static long s_maxPixels = DefaultMaxPixels;

    /// <summary>
    /// The largest width x height a decode accepts; larger headers are rejected before any pixel
    /// memory is allocated, so a corrupt or hostile header cannot exhaust memory. At most
    /// <c>Array.MaxLength / 4</c>.
    /// </summary>
    public static long MaxPixels
    {
        get => Interlocked.Read(ref s_maxPixels);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Array.MaxLength / 4);
            Interlocked.Exchange(ref s_maxPixels, value);
        }
    }

    /// <summary>Reads and decodes the PNG or JPEG file at <paramref name="path"/>.</summary>
    /// <exception cref="ImageFormatException">The file is not a readable PNG/JPEG, or cannot be read in <paramref name="mode"/>.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ImageData Read(string path, ColorMode mode = ColorMode.Auto)
    {
        var (bytes, length) = ReadPooled(path);
        try
        {
            return Decode(bytes.AsSpan(0, length), mode, path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Reads and decodes the file at <paramref name="path"/> into a caller's buffer, allocating
    /// nothing per image (the file's bytes pass through a pooled buffer): for loaders that keep one
    /// pixel buffer per worker. See <see cref="DecodeInto"/>.
    /// </summary>
    /// <exception cref="ImageFormatException">The file is not a readable PNG/JPEG, or cannot be read in <paramref name="mode"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static DecodedImage ReadInto(string path, Span<byte> destination, ColorMode mode = ColorMode.Auto)
    {
        var (bytes, length) = ReadPooled(path);
        try
        {
            return DecodeInto(bytes.AsSpan(0, length), destination, mode, path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Decodes an encoded PNG or JPEG; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ImageFormatException">The bytes are not a readable PNG/JPEG, or cannot be read in <paramref name="mode"/>.</exception>
    public static ImageData Decode(ReadOnlySpan<byte> bytes, ColorMode mode = ColorMode.Auto, string? sourceName = null)
    {
        using var decoder = Open(bytes, mode, sourceName);
        var o = decoder.Output;
        var pixels = GC.AllocateUninitializedArray<byte>(o.ByteCount);
        decoder.DecodeInto(bytes, pixels);
        return new ImageData(o.Width, o.Height, o.Channels, pixels, o.Palette);
    }

    /// <summary>
    /// Decodes into a caller's buffer (for loaders that reuse one per worker): the pixels fill the
    /// first <see cref="DecodedImage.ByteCount"/> bytes of <paramref name="destination"/>, which must
    /// hold at least <see cref="Identify"/>(bytes).<see cref="ImageInfo.ByteCountFor"/>(mode) bytes.
    /// </summary>
    /// <exception cref="ImageFormatException">The bytes are not a readable PNG/JPEG, or cannot be read in <paramref name="mode"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static DecodedImage DecodeInto(ReadOnlySpan<byte> bytes, Span<byte> destination, ColorMode mode = ColorMode.Auto, string? sourceName = null)
    {
        using var decoder = Open(bytes, mode, sourceName);
        var o = decoder.Output;
        if (destination.Length < o.ByteCount)
            throw new ArgumentException(
                $"{sourceName ?? "The image"} decodes to {o.Width}x{o.Height}x{o.Channels} = {o.ByteCount} bytes but the destination holds {destination.Length}; " +
                "size it with ImageFile.Identify(bytes).ByteCountFor(mode).", nameof(destination));
        decoder.DecodeInto(bytes, destination[..o.ByteCount]);
        return o;
    }

    /// <summary>Reads only the header of the file at <paramref name="path"/> (usually its first 64 KiB).</summary>
    /// <exception cref="ImageFormatException">The file is not a readable PNG/JPEG.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ImageInfo ReadInfo(string path)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            var prefix = new byte[(int)Math.Min(stream.Length, InfoPrefixLength)];
            stream.ReadExactly(prefix);
            var info = IdentifyCore(prefix, path, isPrefix: stream.Length > prefix.Length);
            if (info is not null) return info;
        }
        // The header runs past the prefix (large metadata before the image data): read it all.
        return IdentifyCore(File.ReadAllBytes(path), path, isPrefix: false)!;
    }

    /// <summary>The header information of an encoded PNG or JPEG, without decoding its pixels.</summary>
    /// <exception cref="ImageFormatException">The bytes are not a readable PNG/JPEG header.</exception>
    public static ImageInfo Identify(ReadOnlySpan<byte> bytes, string? sourceName = null) => IdentifyCore(bytes, sourceName, isPrefix: false)!;

    static PixelDecoder Open(ReadOnlySpan<byte> bytes, ColorMode mode, string? source)
    {
        if (!Enum.IsDefined(mode)) throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown ColorMode.");
        return FormatSniffer.Detect(bytes, source) switch
        {
            ImageFormat.Png => PngDecoder.Open(bytes, mode, source),
            _ => JpegDecoder.Open(bytes, mode, source),
        };
    }

    // Encoded files are often over 85 KB; reading them into pooled arrays spares the large-object
    // heap one allocation per image (and the gen-2 collections that churn would cause).
    static (byte[] Bytes, int Length) ReadPooled(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
            throw new ImageFormatException(path, $"the file has {length} bytes, more than any image this library reads");
        var bytes = ArrayPool<byte>.Shared.Rent((int)length);
        var read = 0;
        try
        {
            int n;
            while (read < length && (n = RandomAccess.Read(handle, bytes.AsSpan(read, (int)length - read), read)) > 0) read += n;
            return (bytes, read);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw;
        }
    }

    static ImageInfo? IdentifyCore(ReadOnlySpan<byte> bytes, string? source, bool isPrefix) =>
        FormatSniffer.Detect(bytes, source) switch
        {
            ImageFormat.Png => PngStructure.Parse(bytes, source, headerOnly: true, isPrefix)?.Info,
            _ => JpegHeader.Parse(bytes, source, isPrefix),
        };
}
