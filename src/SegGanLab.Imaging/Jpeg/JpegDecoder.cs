using System.Buffers;
using System.Runtime.InteropServices;

namespace SegGanLab.Imaging.Jpeg;

/// <summary>
/// Decodes baseline and progressive JPEG through TurboJPEG with libjpeg's defaults (accurate integer
/// IDCT, fancy upsampling), as PIL does, so pixels match PIL's exactly. Gray output of a colour JPEG
/// is its Y channel. CMYK/YCCK JPEGs are read as CMYK with Adobe's inverted polarity and converted to
/// RGB as PIL converts them. Corrupt or truncated data is an error, except libjpeg's harmless
/// "extraneous bytes before marker" warning, which PIL and OpenCV also accept.
/// </summary>
internal sealed class JpegDecoder : PixelDecoder
{
    readonly TurboJpegHandle _handle;
    readonly bool _cmyk;
    readonly string? _source;

    JpegDecoder(TurboJpegHandle handle, DecodedImage output, bool cmyk, string? source)
    {
        (_handle, Output, _cmyk, _source) = (handle, output, cmyk, source);
    }

    /// <inheritdoc/>
    public override DecodedImage Output { get; }

    /// <summary>Reads the JPEG header through TurboJPEG and checks it for a decode in <paramref name="mode"/>.</summary>
    public static unsafe JpegDecoder Open(ReadOnlySpan<byte> data, ColorMode mode, string? source)
    {
        var handle = TurboJpegHandle.CreateDecompressor();
        try
        {
            int width, height, colorspace;
            fixed (byte* p = data)
            {
                if (TurboJpeg.tjDecompressHeader3(handle.DangerousGetHandle(), p, new CULong((nuint)data.Length),
                        out width, out height, out _, out colorspace) != 0)
                    throw new ImageFormatException(source, $"not a readable JPEG header (libjpeg-turbo: {TurboJpeg.LastError(handle.DangerousGetHandle())})");
            }
            // TurboJPEG reports a stream of tables only (or one that ends before its frame header) as size 0.
            if (width < 1 || height < 1)
                throw new ImageFormatException(source, "the JPEG ends before any frame header, so it holds no image: truncated or corrupt JPEG");
            CheckSize(width, height, source);
            var gray = colorspace == TurboJpeg.ColorspaceGray;
            var cmyk = colorspace is TurboJpeg.ColorspaceCmyk or TurboJpeg.ColorspaceYcck;
            if (mode == ColorMode.Labels && !gray) throw ColorMath.ColourLabels(source, cmyk ? "CMYK JPEG" : "colour JPEG");
            var channels = mode == ColorMode.Rgb || (mode == ColorMode.Auto && !gray) ? 3 : 1;
            return new JpegDecoder(handle, new DecodedImage(width, height, channels, null), cmyk, source);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public override void DecodeInto(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var (w, h, channels) = (Output.Width, Output.Height, Output.Channels);
        if (!_cmyk)
        {
            Decompress(data, destination, channels == 1 ? TurboJpeg.PixelGray : TurboJpeg.PixelRgb, channels);
            return;
        }
        var cmyk = ArrayPool<byte>.Shared.Rent(checked(w * h * 4));
        try
        {
            Decompress(data, cmyk, TurboJpeg.PixelCmyk, 4);
            ConvertCmyk(cmyk.AsSpan(0, w * h * 4), destination, channels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cmyk);
        }
    }

    /// <inheritdoc/>
    public override void Dispose() => _handle.Dispose();

    unsafe void Decompress(ReadOnlySpan<byte> data, Span<byte> destination, int pixelFormat, int channels)
    {
        var (w, h) = (Output.Width, Output.Height);
        var handle = _handle.DangerousGetHandle();
        int rc;
        fixed (byte* src = data)
        fixed (byte* dst = destination)
        {
            rc = TurboJpeg.tjDecompress2(handle, src, new CULong((nuint)data.Length), dst, w, w * channels, h, pixelFormat, TurboJpeg.FlagLimitScans);
        }
        if (rc == 0) return;
        var message = TurboJpeg.LastError(handle);
        if (TurboJpeg.tjGetErrorCode(handle) == TurboJpeg.ErrorWarning && message.Contains("extraneous bytes before marker", StringComparison.Ordinal))
            return;
        throw new ImageFormatException(_source, $"corrupt or truncated JPEG data (libjpeg-turbo: {message})");
    }

    // Adobe polarity: the file stores 255 - ink, as PIL assumes for every CMYK JPEG.
    static void ConvertCmyk(ReadOnlySpan<byte> cmyk, Span<byte> destination, int channels)
    {
        for (int i = 0, o = 0; i < cmyk.Length; i += 4, o += channels)
        {
            int k = 255 - cmyk[i + 3];
            var r = ColorMath.FromInk(255 - cmyk[i], k);
            var g = ColorMath.FromInk(255 - cmyk[i + 1], k);
            var b = ColorMath.FromInk(255 - cmyk[i + 2], k);
            if (channels == 1) destination[o] = ColorMath.Luma(r, g, b);
            else (destination[o], destination[o + 1], destination[o + 2]) = (r, g, b);
        }
    }
}
