using System.Buffers;
using System.Runtime.InteropServices;
using SegGanLab.Imaging.Png;

namespace SegGanLab.Imaging;

public static partial class ImageFile
{
    /// <summary>
    /// Reads the samples of a 16-bit PNG without reducing them to 8 bits (instance ids, depth), as
    /// stored: gray, gray+alpha, RGB or RGBA.
    /// </summary>
    /// <exception cref="ImageFormatException">The file is not a readable 16-bit PNG (8-bit and JPEG files are read with <see cref="Read"/>).</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ImageSamples16 ReadSamples16(string path)
    {
        var (bytes, length) = ReadPooled(path);
        try
        {
            return DecodeSamples16(bytes.AsSpan(0, length), path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Decodes the samples of an encoded 16-bit PNG without reducing them (see <see cref="ReadSamples16"/>).</summary>
    /// <exception cref="ImageFormatException">The bytes are not a readable 16-bit PNG.</exception>
    public static ImageSamples16 DecodeSamples16(ReadOnlySpan<byte> bytes, string? sourceName = null)
    {
        if (FormatSniffer.Detect(bytes, sourceName) != ImageFormat.Png)
            throw new ImageFormatException(sourceName, "JPEG holds 8-bit samples, not 16-bit ones; read it with ImageFile.Read");
        using var decoder = PngDecoder.OpenSamples16(bytes, sourceName);
        var o = decoder.Output;
        var samples = GC.AllocateUninitializedArray<ushort>(o.Width * o.Height * o.Channels);
        decoder.DecodeInto(bytes, MemoryMarshal.AsBytes(samples.AsSpan()));
        return new ImageSamples16(o.Width, o.Height, o.Channels, samples);
    }
}
