using SegGanLab.Imaging.Png;

namespace SegGanLab.Imaging;

/// <summary>
/// Tells the format from a file's first bytes (never from its name), and names the common formats
/// the codecs do not read so the error can say what the file is.
/// </summary>
internal static class FormatSniffer
{
    /// <summary>Bytes enough to recognise every format below.</summary>
    internal const int PrefixLength = 12;

    /// <summary>The format of <paramref name="data"/>; an <see cref="ImageFormatException"/> for anything else.</summary>
    public static ImageFormat Detect(ReadOnlySpan<byte> data, string? source)
    {
        if (data.IsEmpty) throw new ImageFormatException(source, "the file is empty (0 bytes)");
        var png = PngStructure.Signature;
        if (data.Length >= png.Length && data[..png.Length].SequenceEqual(png)) return ImageFormat.Png;
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return ImageFormat.Jpeg;
        if (data.Length >= 4 && data[..4].SequenceEqual(png[..4]))
            throw new ImageFormatException(source, data.Length < png.Length
                ? $"the file holds only {data.Length} bytes of a PNG signature: truncated PNG"
                : "the PNG signature is damaged (line endings changed: was the file transferred as text?)");
        var other = Describe(data);
        throw new ImageFormatException(source, other is null
            ? $"not a PNG or JPEG file (it starts with {Convert.ToHexString(data[..Math.Min(8, data.Length)])})"
            : $"{other} files are not supported; convert it to PNG (or JPEG for photos)");
    }

    static string? Describe(ReadOnlySpan<byte> d)
    {
        if (d.StartsWith("GIF8"u8)) return "GIF";
        if (d.StartsWith("BM"u8)) return "BMP";
        if (d.StartsWith("II*\0"u8) || d.StartsWith("MM\0*"u8)) return "TIFF";
        if (d.StartsWith("RIFF"u8) && d.Length >= 12 && d[8..12].SequenceEqual("WEBP"u8)) return "WebP";
        if (d.Length >= 12 && d[4..8].SequenceEqual("ftyp"u8)) return "ISO media (HEIF, AVIF or MP4)";
        if (Starts(d, [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50]) || Starts(d, [0xFF, 0x4F, 0xFF, 0x51])) return "JPEG 2000";
        if (Starts(d, [0xFF, 0x0A]) || Starts(d, [0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20])) return "JPEG XL";
        if (d.StartsWith("%PDF"u8)) return "PDF";
        if (d.StartsWith("<svg"u8) || d.StartsWith("<?xml"u8)) return "SVG/XML";
        if (Starts(d, [0x1F, 0x8B])) return "gzip-compressed";
        if (d.StartsWith("8BPS"u8)) return "Photoshop (PSD)";
        if (Starts(d, [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'])) return "NumPy (.npy)";
        if (d.Length >= 3 && d[0] == (byte)'P' && d[1] is >= (byte)'1' and <= (byte)'6' && d[2] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') return "PNM (PBM/PGM/PPM)";
        return null;
    }

    static bool Starts(ReadOnlySpan<byte> data, ReadOnlySpan<byte> prefix) => data.StartsWith(prefix);
}
