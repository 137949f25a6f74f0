using System.Buffers;

namespace SegGanLab.Imaging.Png;

/// <summary>
/// Decodes a PNG whose chunks <see cref="PngStructure"/> has validated: inflates the IDAT stream
/// scanline by scanline (zlib through <see cref="System.IO.Compression.ZLibStream"/>), undoes the
/// filters, and converts each scanline straight into the output (for Adam7, each pass's scanlines
/// into their columns).
/// </summary>
internal sealed class PngDecoder : PixelDecoder
{
    // Deflate emits at most 258 bytes per 2 bits (a longest match with 1-bit codes): 1032 per byte.
    const long MaxInflateRatio = 1032;

    static readonly (int X0, int Y0, int Dx, int Dy)[] Sequential = [(0, 0, 1, 1)];
    static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    readonly PngStructure _png;
    readonly IPngRowSink _sink;
    readonly string? _source;

    PngDecoder(PngStructure png, IPngRowSink sink, string? source)
    {
        (_png, _sink, _source) = (png, sink, source);
        Output = new DecodedImage(png.Header.Width, png.Header.Height, sink.OutChannels, sink.Palette);
    }

    /// <inheritdoc/>
    public override DecodedImage Output { get; }

    /// <summary>Parses and checks a PNG for a decode in <paramref name="mode"/>.</summary>
    public static PngDecoder Open(ReadOnlySpan<byte> data, ColorMode mode, string? source)
    {
        var png = Check(data, source);
        return new PngDecoder(png, PngRowConverter.Create(png, mode, source), source);
    }

    /// <summary>Parses and checks a 16-bit PNG for a decode that keeps its samples (two bytes each, native order).</summary>
    public static PngDecoder OpenSamples16(ReadOnlySpan<byte> data, string? source)
    {
        var png = Check(data, source);
        var h = png.Header;
        if (h.BitDepth != 16)
            throw new ImageFormatException(source, $"the PNG holds {h.Describe()} samples, not 16-bit ones; read it with ImageFile.Read");
        if (2L * h.Width * h.Height * h.Channels > Array.MaxLength)
            throw new ImageFormatException(source, $"{h.Width}x{h.Height} {h.Describe()} samples need more bytes than one array can hold");
        return new PngDecoder(png, new PngSamples16Sink(h.Channels), source);
    }

    static PngStructure Check(ReadOnlySpan<byte> data, string? source)
    {
        var png = PngStructure.Parse(data, source, headerOnly: false, isPrefix: false)!;
        var h = png.Header;
        CheckSize(h.Width, h.Height, source);
        if (h.RowBytes(h.Width) >= Array.MaxLength)
            throw new ImageFormatException(source, $"a {h.Describe()} scanline of {h.Width} pixels needs {h.RowBytes(h.Width)} bytes, more than one array can hold");
        // Scanlines with their filter bytes; a header that promises more than the compressed data can
        // hold is a corrupt or truncated file, caught here before the output is allocated.
        long raw = 0;
        foreach (var (w, rows) in Passes(h))
            raw += rows * (1 + h.RowBytes(w));
        if (raw > png.ImageDataLength * MaxInflateRatio)
            throw new ImageFormatException(source,
                $"the header declares {h.Width}x{h.Height} ({raw} bytes of scanlines) but the file holds only {png.ImageDataLength} " +
                "compressed bytes, which cannot inflate to that: truncated or corrupt PNG");
        return png;
    }

    /// <inheritdoc/>
    public override unsafe void DecodeInto(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var h = _png.Header;
        var rowLength = (int)h.RowBytes(h.Width) + 1;
        var stride = Output.Width * Output.Channels * _sink.BytesPerSample;
        var current = ArrayPool<byte>.Shared.Rent(rowLength);
        var prior = ArrayPool<byte>.Shared.Rent(rowLength);
        try
        {
            fixed (byte* pinned = data)
            {
                using var idat = new IdatStream(pinned, _png.ImageData);
                using var inflater = new ScanlineReader(idat);
                var passes = h.Interlaced ? Adam7 : Sequential;
                for (var p = 0; p < passes.Length; p++)
                {
                    var (x0, y0, dx, dy) = passes[p];
                    var (width, rows) = PassSize(h, passes[p]);
                    if (width == 0 || rows == 0) continue;
                    var length = (int)h.RowBytes(width) + 1;
                    Array.Clear(prior, 0, length);
                    for (var r = 0; r < rows; r++)
                    {
                        var row = current.AsSpan(0, length);
                        Inflate(inflater, row, p, passes.Length, r, rows);
                        if (!PngFilter.Unfilter(row[0], row[1..], prior.AsSpan(1, length - 1), h.FilterStride))
                            throw new ImageFormatException(_source,
                                $"scanline {r}{PassName(p, passes.Length)} has filter type {row[0]}; PNG defines 0 to 4: corrupt image data");
                        var y = y0 + r * dy;
                        _sink.Convert(row[1..], width, destination.Slice(y * stride, stride), x0, dx, y);
                        (current, prior) = (prior, current);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(prior);
        }
    }

    void Inflate(ScanlineReader inflater, Span<byte> row, int pass, int passCount, int r, int rows)
    {
        bool complete;
        try
        {
            complete = inflater.Read(row);
        }
        catch (InvalidDataException e)
        {
            throw new ImageFormatException(_source,
                $"the compressed image data is corrupt at scanline {r}{PassName(pass, passCount)} ({e.Message})", e);
        }
        if (!complete)
            throw new ImageFormatException(_source,
                $"the image data ends in scanline {r} of {rows}{PassName(pass, passCount)}: truncated PNG");
    }

    static string PassName(int pass, int count) => count == 1 ? "" : $" of Adam7 pass {pass + 1}";

    static (int Width, int Rows) PassSize(PngHeader h, (int X0, int Y0, int Dx, int Dy) pass) =>
        ((h.Width - pass.X0 + pass.Dx - 1) / pass.Dx, (h.Height - pass.Y0 + pass.Dy - 1) / pass.Dy);

    static IEnumerable<(long Width, long Rows)> Passes(PngHeader h)
    {
        foreach (var pass in h.Interlaced ? Adam7 : Sequential)
        {
            var (w, rows) = PassSize(h, pass);
            if (w > 0 && rows > 0) yield return (w, rows);
        }
    }
}
