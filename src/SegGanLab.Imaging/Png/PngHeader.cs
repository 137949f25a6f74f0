using System.Buffers.Binary;

namespace SegGanLab.Imaging.Png;

/// <summary>PNG colour types, as numbered in IHDR.</summary>
internal enum PngColorType : byte
{
    Gray = 0,
    Rgb = 2,
    Palette = 3,
    GrayAlpha = 4,
    Rgba = 6,
}

/// <summary>The IHDR chunk: size, sample format and interlacing, validated against the PNG specification.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    /// <summary>IHDR's data length.</summary>
    internal const int Length = 13;

    /// <summary>Samples per pixel as stored.</summary>
    public int Channels => ColorType switch
    {
        PngColorType.GrayAlpha => 2,
        PngColorType.Rgb => 3,
        PngColorType.Rgba => 4,
        _ => 1,
    };

    /// <summary>Bits per pixel as stored.</summary>
    public int BitsPerPixel => Channels * BitDepth;

    /// <summary>The byte distance filters look back: bytes per complete pixel, at least 1.</summary>
    public int FilterStride => Math.Max(1, BitsPerPixel / 8);

    /// <summary>Bytes of one scanline of <paramref name="pixels"/> pixels, without the filter byte.</summary>
    public long RowBytes(long pixels) => (pixels * BitsPerPixel + 7) / 8;

    /// <summary>The public colour type.</summary>
    public ImageColorType PublicColorType => ColorType switch
    {
        PngColorType.Gray => ImageColorType.Gray,
        PngColorType.GrayAlpha => ImageColorType.GrayAlpha,
        PngColorType.Rgb => ImageColorType.Rgb,
        PngColorType.Rgba => ImageColorType.Rgba,
        _ => ImageColorType.Palette,
    };

    /// <summary>A description such as "8-bit RGB" for messages.</summary>
    public string Describe() => $"{BitDepth}-bit {PublicColorType}{(Interlaced ? " interlaced" : "")}";

    /// <summary>Parses and validates IHDR's 13 data bytes.</summary>
    public static PngHeader Parse(ReadOnlySpan<byte> data, string? source)
    {
        if (data.Length != Length)
            throw new ImageFormatException(source, $"the IHDR chunk has {data.Length} bytes, expected {Length}: corrupt PNG header");
        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
            throw new ImageFormatException(source, $"the PNG header declares a size of {width}x{height}; PNG allows 1 to 2^31-1 per side: corrupt header");
        int depth = data[8], type = data[9];
        var allowed = type switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => throw new ImageFormatException(source, $"the PNG header declares colour type {type}; PNG defines 0, 2, 3, 4 and 6: corrupt header"),
        };
        if (!allowed)
            throw new ImageFormatException(source, $"the PNG header declares bit depth {depth} for colour type {type}, which PNG does not allow: corrupt header");
        if (data[10] != 0)
            throw new ImageFormatException(source, $"the PNG header declares compression method {data[10]}; only 0 (deflate) exists");
        if (data[11] != 0)
            throw new ImageFormatException(source, $"the PNG header declares filter method {data[11]}; only 0 exists");
        if (data[12] > 1)
            throw new ImageFormatException(source, $"the PNG header declares interlace method {data[12]}; only 0 (none) and 1 (Adam7) exist");
        return new PngHeader((int)width, (int)height, depth, (PngColorType)type, data[12] == 1);
    }

    /// <summary>IHDR's 13 data bytes.</summary>
    public void Write(Span<byte> data)
    {
        BinaryPrimitives.WriteUInt32BigEndian(data, (uint)Width);
        BinaryPrimitives.WriteUInt32BigEndian(data[4..], (uint)Height);
        data[8] = (byte)BitDepth;
        data[9] = (byte)ColorType;
        data[10] = 0;
        data[11] = 0;
        data[12] = Interlaced ? (byte)1 : (byte)0;
    }
}
