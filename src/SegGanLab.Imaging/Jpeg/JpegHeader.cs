using System.Buffers.Binary;

namespace SegGanLab.Imaging.Jpeg;

/// <summary>
/// The frame header of a JPEG, found by walking its marker segments up to the first scan: size,
/// precision, component count and whether it is progressive. Used for header-only information
/// (<see cref="ImageFile.ReadInfo"/>), which TurboJPEG's header call does not fully give; decoding
/// reads the header again through TurboJPEG.
/// </summary>
internal static class JpegHeader
{
    /// <summary>
    /// The information in the header of <paramref name="data"/> (which starts with SOI). With
    /// <paramref name="isPrefix"/>, running out of data before the first scan returns null.
    /// </summary>
    public static ImageInfo? Parse(ReadOnlySpan<byte> data, string? source, bool isPrefix)
    {
        ImageInfo? frame = null;
        var pos = 2;
        while (true)
        {
            // libjpeg skips stray bytes before a marker (with a warning) and any number of 0xFF fill bytes.
            while (pos < data.Length && data[pos] != 0xFF) pos++;
            while (pos < data.Length && data[pos] == 0xFF) pos++;
            if (pos + 3 > data.Length) return isPrefix ? null : throw Truncated(source, frame);
            int marker = data[pos];
            pos++;
            if (marker is 0x00 or 0x01 or >= 0xD0 and <= 0xD7) continue;
            if (marker is 0xD8 or 0xD9)
                throw new ImageFormatException(source, $"marker 0xFF{marker:X2} at offset {pos - 2} before any image data: corrupt JPEG");
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
            if (length < 2)
                throw new ImageFormatException(source, $"marker 0xFF{marker:X2} at offset {pos - 2} has segment length {length}: corrupt JPEG");
            if (pos + length > data.Length) return isPrefix ? null : throw Truncated(source, frame);
            var segment = data.Slice(pos + 2, length - 2);
            if (marker == 0xDA)
                return frame ?? throw new ImageFormatException(source, "the first scan comes before any frame header (SOF): corrupt JPEG");
            if (IsFrameMarker(marker))
            {
                if (frame is not null)
                    throw new ImageFormatException(source, $"a second frame header (SOF) at offset {pos - 2}: corrupt JPEG");
                frame = ReadFrame(segment, marker, source);
            }
            pos += length;
        }
    }

    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    static bool IsFrameMarker(int marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    static ImageInfo ReadFrame(ReadOnlySpan<byte> segment, int marker, string? source)
    {
        if (segment.Length < 6)
            throw new ImageFormatException(source, $"the frame header (SOF) has {segment.Length} bytes, too few: corrupt JPEG");
        int precision = segment[0];
        int height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        int components = segment[5];
        if (width == 0)
            throw new ImageFormatException(source, "the frame header declares width 0: corrupt JPEG");
        if (height == 0)
            throw new ImageFormatException(source, "the frame header declares height 0 (to be set by a DNL marker), which libjpeg-turbo does not support");
        var colorType = components switch
        {
            1 => ImageColorType.Gray,
            3 => ImageColorType.Rgb,
            4 => ImageColorType.Cmyk,
            _ => throw new ImageFormatException(source, $"the JPEG has {components} colour components; only 1 (gray), 3 (colour) and 4 (CMYK) are supported"),
        };
        var progressive = marker is 0xC2 or 0xC6 or 0xCA or 0xCE;
        return new ImageInfo(width, height, ImageFormat.Jpeg, colorType, precision, progressive, 0);
    }

    static ImageFormatException Truncated(string? source, ImageInfo? frame) => new(source,
        frame is null ? "the file ends before the JPEG frame header: truncated JPEG" : "the file ends before the first scan: truncated JPEG");
}
