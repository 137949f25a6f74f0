using System.Buffers.Binary;
using System.IO.Hashing;

namespace SegGanLab.Imaging.Png;

/// <summary>
/// The chunk layout of a PNG: its header, palette, transparency and where its image data lies.
/// Parsing walks every chunk, checks lengths and the order PNG prescribes, and verifies the CRC
/// of every chunk it interprets (IHDR, PLTE, tRNS, IDAT, IEND); other ancillary chunks are skipped
/// unread, and unknown critical chunks are an error, as in libpng.
/// </summary>
internal sealed class PngStructure
{
    /// <summary>The 8-byte PNG signature.</summary>
    internal static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    PngStructure(PngHeader header) => Header = header;

    /// <summary>The validated IHDR.</summary>
    public PngHeader Header { get; }

    /// <summary>The PLTE entries as r, g, b bytes, or null.</summary>
    public byte[]? PaletteRgb { get; private set; }

    /// <summary>Palette alphas from tRNS (palette images only), or null.</summary>
    public byte[]? PaletteAlpha { get; private set; }

    /// <summary>Offset and length of every IDAT chunk's data, in file order.</summary>
    public List<(int Offset, int Length)> ImageData { get; } = [];

    /// <summary>The total compressed image-data bytes.</summary>
    public long ImageDataLength { get; private set; }

    /// <summary>The entries of the palette, 0 when there is none.</summary>
    public int PaletteCount => PaletteRgb is null ? 0 : PaletteRgb.Length / 3;

    /// <summary>The header as public information.</summary>
    public ImageInfo Info => new(Header.Width, Header.Height, ImageFormat.Png, Header.PublicColorType,
        Header.BitDepth, Header.Interlaced, PaletteCount);

    /// <summary>The palette with its alphas, or null.</summary>
    public Palette? CreatePalette()
    {
        if (PaletteRgb is null) return null;
        var palette = Palette.FromRgbBytes(PaletteRgb);
        return PaletteAlpha is null ? palette : new Palette(palette.Colors, PaletteAlpha);
    }

    /// <summary>
    /// Parses the chunks of <paramref name="data"/>, which starts with the PNG signature. With
    /// <paramref name="headerOnly"/> it stops at the first IDAT. With <paramref name="isPrefix"/> the
    /// data is the start of a longer file: running out of it before the answer is known returns null
    /// instead of reporting a truncated file.
    /// </summary>
    public static PngStructure? Parse(ReadOnlySpan<byte> data, string? source, bool headerOnly, bool isPrefix)
    {
        PngStructure? png = null;
        var pos = Signature.Length;
        var inImageData = false;
        var imageDataEnded = false;
        while (true)
        {
            if (data.Length - pos < 12)
            {
                if (isPrefix) return null;
                throw new ImageFormatException(source, pos == data.Length
                    ? $"the file ends after {pos} bytes without an IEND chunk: truncated PNG"
                    : $"the file ends inside the chunk at offset {pos}: truncated PNG");
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            var type = data.Slice(pos + 4, 4);
            var name = ChunkName(type);
            if (!IsChunkType(type))
                throw new ImageFormatException(source, $"bytes {pos + 4}..{pos + 7} should name a chunk but are {name}: corrupt PNG");
            if (length > int.MaxValue)
                throw new ImageFormatException(source, $"chunk {name} at offset {pos} declares {length} bytes, more than PNG allows: corrupt PNG");
            var end = pos + 12L + length;
            if (end > data.Length)
            {
                if (isPrefix) return null;
                throw new ImageFormatException(source,
                    $"chunk {name} at offset {pos} declares {length} bytes but the file ends {data.Length - pos - 8} bytes after its header: truncated PNG");
            }
            var body = data.Slice(pos + 8, (int)length);
            if (png is null && name != "IHDR")
                throw new ImageFormatException(source, $"the first chunk is {name}, expected IHDR: corrupt PNG");
            if (name is "IHDR" or "PLTE" or "IDAT" or "IEND" or "tRNS")
                CheckCrc(data, pos, (int)length, name, source);
            if (inImageData && name != "IDAT") imageDataEnded = true;
            switch (name)
            {
                case "IHDR" when png is not null:
                    throw new ImageFormatException(source, $"a second IHDR chunk at offset {pos}: corrupt PNG");
                case "IHDR":
                    png = new PngStructure(PngHeader.Parse(body, source));
                    break;
                case "PLTE":
                    png!.ReadPalette(body, pos, inImageData || imageDataEnded, source);
                    break;
                case "tRNS":
                    if (!inImageData && !imageDataEnded) png!.ReadTransparency(body);
                    break;
                case "IDAT":
                    if (imageDataEnded)
                        throw new ImageFormatException(source, $"IDAT chunk at offset {pos} after other chunks followed the image data: PNG requires consecutive IDAT chunks");
                    if (png!.Header.ColorType == PngColorType.Palette && png.PaletteRgb is null)
                        throw new ImageFormatException(source, "a palette image without a PLTE chunk before its image data: corrupt PNG");
                    if (headerOnly) return png;
                    inImageData = true;
                    png.ImageData.Add((pos + 8, (int)length));
                    png.ImageDataLength += length;
                    break;
                case "IEND":
                    if (!inImageData)
                        throw new ImageFormatException(source, "the PNG has no IDAT chunk, so it holds no image data");
                    return png;
                default:
                    if ((type[0] & 0x20) == 0)
                        throw new ImageFormatException(source,
                            $"unknown critical chunk {name} at offset {pos}; this PNG needs a decoder that knows it (Apple's CgBI PNGs are not standard PNG)");
                    break;
            }
            pos = (int)end;
        }
    }

    void ReadPalette(ReadOnlySpan<byte> body, int pos, bool afterImageData, string? source)
    {
        if (PaletteRgb is not null)
            throw new ImageFormatException(source, $"a second PLTE chunk at offset {pos}: corrupt PNG");
        if (afterImageData)
            throw new ImageFormatException(source, $"the PLTE chunk at offset {pos} comes after the image data: corrupt PNG");
        if (Header.ColorType is PngColorType.Gray or PngColorType.GrayAlpha)
            throw new ImageFormatException(source, $"a PLTE chunk in a {Header.Describe()} image, where PNG forbids it: corrupt PNG");
        if (body.Length is 0 or > 3 * Palette.MaxCount || body.Length % 3 != 0)
            throw new ImageFormatException(source, $"the PLTE chunk has {body.Length} bytes; a palette is 1 to 256 r, g, b triples: corrupt PNG");
        PaletteRgb = body.ToArray();
    }

    // Like libpng, a malformed tRNS (wrong length, or in an image that has alpha) is ignored.
    void ReadTransparency(ReadOnlySpan<byte> body)
    {
        if (Header.ColorType == PngColorType.Palette && PaletteRgb is not null && body.Length <= PaletteCount && body.Length > 0)
            PaletteAlpha = body.ToArray();
    }

    static void CheckCrc(ReadOnlySpan<byte> data, int pos, int length, string name, string? source)
    {
        var stored = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 8 + length)..]);
        var computed = Crc32.HashToUInt32(data.Slice(pos + 4, length + 4));
        if (stored != computed)
            throw new ImageFormatException(source,
                $"chunk {name} at offset {pos} fails its CRC check (stored 0x{stored:x8}, computed 0x{computed:x8}): the file is corrupt");
    }

    static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
            if (!char.IsAsciiLetter((char)b)) return false;
        return true;
    }

    static string ChunkName(ReadOnlySpan<byte> type) =>
        IsChunkType(type) ? System.Text.Encoding.ASCII.GetString(type) : "0x" + Convert.ToHexString(type);
}
