using System.Buffers.Binary;

namespace SegGanLab.Imaging.Png;

/// <summary>
/// Turns one unfiltered scanline into output pixels for a <see cref="ColorMode"/>: first unpacks
/// samples to one byte each (1/2/4-bit samples unscaled or scaled to 0..255, 16-bit samples
/// rounded to 8 bits or kept as labels), then converts channels and writes every pixel at its
/// column (a step above 1 for Adam7 passes).
/// </summary>
internal sealed class PngRowConverter : IPngRowSink
{
    enum Conversion { Copy, First, Replicate, DropAlpha, Luma, PaletteRgb, PaletteLuma }

    readonly PngHeader _header;
    readonly Conversion _conversion;
    readonly int _inChannels;
    readonly byte _scale;
    readonly bool _labels;
    readonly byte[] _samples;
    readonly byte[] _paletteRgb = [];
    readonly byte[] _paletteLuma = [];
    readonly string? _source;

    PngRowConverter(PngStructure png, ColorMode mode, string? source)
    {
        _header = png.Header;
        _source = source;
        _inChannels = _header.Channels;
        _labels = mode == ColorMode.Labels;
        var type = _header.ColorType;
        var color = type is PngColorType.Rgb or PngColorType.Rgba;
        if (_labels && color) throw ColorMath.ColourLabels(source, _header.Describe());
        _scale = type == PngColorType.Gray && _header.BitDepth < 8 && !_labels ? (byte)(255 / ((1 << _header.BitDepth) - 1)) : (byte)1;
        (_conversion, OutChannels) = (mode, type) switch
        {
            (ColorMode.Auto, _) => (Conversion.Copy, _inChannels),
            (ColorMode.Rgb, PngColorType.Gray or PngColorType.GrayAlpha) => (Conversion.Replicate, 3),
            (ColorMode.Rgb, PngColorType.Rgb) => (Conversion.Copy, 3),
            (ColorMode.Rgb, PngColorType.Rgba) => (Conversion.DropAlpha, 3),
            (ColorMode.Rgb, _) => (Conversion.PaletteRgb, 3),
            (_, PngColorType.Gray) => (Conversion.Copy, 1),
            (_, PngColorType.GrayAlpha) => (Conversion.First, 1),
            (_, PngColorType.Palette) => (mode == ColorMode.Gray ? Conversion.PaletteLuma : Conversion.Copy, 1),
            _ => (Conversion.Luma, 1),
        };
        if (_conversion is Conversion.PaletteRgb or Conversion.PaletteLuma) (_paletteRgb, _paletteLuma) = PaletteTables(png.PaletteRgb!);
        _samples = _header.BitDepth == 8 ? [] : new byte[(long)_header.Width * _inChannels];
        Palette = type == PngColorType.Palette && mode is ColorMode.Auto or ColorMode.Labels ? png.CreatePalette() : null;
    }

    /// <summary>A converter for <paramref name="png"/> read in <paramref name="mode"/>; throws for colour read as labels.</summary>
    public static PngRowConverter Create(PngStructure png, ColorMode mode, string? source) => new(png, mode, source);

    /// <inheritdoc/>
    public int OutChannels { get; }

    /// <inheritdoc/>
    public int BytesPerSample => 1;

    /// <inheritdoc/>
    public Palette? Palette { get; }

    /// <inheritdoc/>
    public void Convert(ReadOnlySpan<byte> raw, int count, Span<byte> outRow, int x0, int dx, int y)
    {
        var s = Unpack(raw, count * _inChannels, x0, dx, y);
        int inc = _inChannels, outc = OutChannels, o = x0 * outc, step = dx * outc, n = count * inc;
        switch (_conversion)
        {
            case Conversion.Copy when dx == 1:
                s[..n].CopyTo(outRow[o..]);
                break;
            case Conversion.Copy:
                for (var i = 0; i < n; i += inc, o += step) s.Slice(i, inc).CopyTo(outRow[o..]);
                break;
            case Conversion.First:
                for (var i = 0; i < n; i += inc, o += step) outRow[o] = s[i];
                break;
            case Conversion.Replicate:
                for (var i = 0; i < n; i += inc, o += step) outRow[o] = outRow[o + 1] = outRow[o + 2] = s[i];
                break;
            case Conversion.DropAlpha:
                for (var i = 0; i < n; i += inc, o += step) s.Slice(i, 3).CopyTo(outRow[o..]);
                break;
            case Conversion.Luma:
                for (var i = 0; i < n; i += inc, o += step) outRow[o] = ColorMath.Luma(s[i], s[i + 1], s[i + 2]);
                break;
            case Conversion.PaletteRgb:
                for (var i = 0; i < n; i++, o += step) _paletteRgb.AsSpan(3 * s[i], 3).CopyTo(outRow[o..]);
                break;
            default:
                for (var i = 0; i < n; i++, o += step) outRow[o] = _paletteLuma[s[i]];
                break;
        }
    }

    ReadOnlySpan<byte> Unpack(ReadOnlySpan<byte> raw, int samples, int x0, int dx, int y)
    {
        var depth = _header.BitDepth;
        if (depth == 8) return raw[..samples];
        var s = _samples.AsSpan(0, samples);
        if (depth == 16)
        {
            for (var i = 0; i < samples; i++)
            {
                var v = BinaryPrimitives.ReadUInt16BigEndian(raw[(2 * i)..]);
                // Labels keep the gray sample's value; everything else (alpha too) is round(v * 255 / 65535), and 65535 = 255 * 257.
                if (!_labels || i % _inChannels != 0) s[i] = (byte)((v + 128) / 257);
                else if (v <= 255) s[i] = (byte)v;
                else
                    throw new ImageFormatException(_source,
                        $"16-bit label value {v} at pixel ({x0 + i / _inChannels * dx}, {y}) does not fit in 8 bits; labels must be 0..255");
            }
            return s;
        }
        var perByte = 8 / depth;
        var mask = (1 << depth) - 1;
        for (var i = 0; i < samples; i++)
            s[i] = (byte)(((raw[i / perByte] >> (8 - depth * (i % perByte + 1))) & mask) * _scale);
        return s;
    }

    // Indices beyond the palette read as black, as in libpng (the PNG specification calls them an error).
    static (byte[] Rgb, byte[] Luma) PaletteTables(byte[] paletteRgb)
    {
        var rgb = new byte[3 * Palette.MaxCount];
        paletteRgb.CopyTo(rgb, 0);
        var luma = new byte[Palette.MaxCount];
        for (var i = 0; i < luma.Length; i++) luma[i] = ColorMath.Luma(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]);
        return (rgb, luma);
    }
}
