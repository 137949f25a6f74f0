using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SegGanLab.Imaging.Png;

/// <summary>Keeps the samples of a 16-bit PNG as they are: big-endian in the file, native ushorts in the output.</summary>
internal sealed class PngSamples16Sink(int channels) : IPngRowSink
{
    /// <inheritdoc/>
    public int OutChannels => channels;

    /// <inheritdoc/>
    public int BytesPerSample => 2;

    /// <inheritdoc/>
    public Palette? Palette => null;

    /// <inheritdoc/>
    public void Convert(ReadOnlySpan<byte> raw, int count, Span<byte> outRow, int x0, int dx, int y)
    {
        var output = MemoryMarshal.Cast<byte, ushort>(outRow);
        var samples = MemoryMarshal.Cast<byte, ushort>(raw[..(2 * count * channels)]);
        if (dx == 1)
        {
            var target = output.Slice(x0 * channels, samples.Length);
            if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(samples, target);
            else samples.CopyTo(target);
            return;
        }
        for (int i = 0, o = x0 * channels; i < samples.Length; i += channels, o += dx * channels)
            for (var c = 0; c < channels; c++)
                output[o + c] = BinaryPrimitives.ReadUInt16BigEndian(raw[(2 * (i + c))..]);
    }
}
