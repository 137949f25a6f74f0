using System.Buffers.Binary;
using SegGanLab.Imaging.Tests.Png;

namespace SegGanLab.Imaging.Tests;

/// <summary>
/// Seeded mutations of valid files: generic byte-level damage, plus format-aware damage that gets
/// past the first line of defence (PNG chunk data changed with its CRC recomputed, so the inflater,
/// filters and converters see it; PNG/JPEG headers given huge or odd sizes).
/// </summary>
public sealed class Mutator(int seed)
{
    readonly Random _random = new(seed);

    /// <summary>One mutation of <paramref name="file"/>; <paramref name="kind"/> says which, for failure reports.</summary>
    public byte[] Mutate(byte[] file, out string kind)
    {
        var isPng = file[0] == 0x89;
        var choice = _random.Next(isPng ? 10 : 8);
        (kind, var result) = choice switch
        {
            0 => ("flip bits", FlipBits(file)),
            1 => ("overwrite bytes", Overwrite(file)),
            2 => ("truncate", file[.._random.Next(file.Length)]),
            3 => ("insert bytes", Insert(file)),
            4 => ("delete bytes", Delete(file)),
            5 => ("duplicate a block", Duplicate(file)),
            6 => isPng ? ("chunk data, CRC fixed", WithCrcsFixed(FlipBits(file, from: 33))) : ("header bytes", FlipBits(file, to: Math.Min(file.Length, 700))),
            7 => isPng ? ("huge size, CRC fixed", WithCrcsFixed(HugeSize(file, 16))) : ("frame size", JpegFrameSize(file)),
            8 => ("chunk length", ChunkLength(file)),
            _ => ("IHDR fields, CRC fixed", WithCrcsFixed(Overwrite(file, from: 16, to: 29))),
        };
        return result;
    }

    byte[] FlipBits(byte[] file, int from = 0, int? to = null)
    {
        var result = (byte[])file.Clone();
        var end = to ?? file.Length;
        if (end <= from) return result;
        for (var n = _random.Next(1, 5); n > 0; n--) result[_random.Next(from, end)] ^= (byte)(1 << _random.Next(8));
        return result;
    }

    byte[] Overwrite(byte[] file, int from = 0, int? to = null)
    {
        ReadOnlySpan<byte> interesting = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0x10];
        var result = (byte[])file.Clone();
        var end = Math.Min(to ?? file.Length, file.Length);
        if (end <= from) return result;
        for (var n = _random.Next(1, 9); n > 0; n--)
            result[_random.Next(from, end)] = _random.Next(2) == 0 ? interesting[_random.Next(interesting.Length)] : (byte)_random.Next(256);
        return result;
    }

    byte[] Insert(byte[] file)
    {
        var at = _random.Next(file.Length + 1);
        var bytes = new byte[_random.Next(1, 17)];
        _random.NextBytes(bytes);
        return [.. file.AsSpan(0, at), .. bytes, .. file.AsSpan(at)];
    }

    byte[] Delete(byte[] file)
    {
        var at = _random.Next(file.Length);
        var count = Math.Min(_random.Next(1, 33), file.Length - at);
        return [.. file.AsSpan(0, at), .. file.AsSpan(at + count)];
    }

    byte[] Duplicate(byte[] file)
    {
        var from = _random.Next(file.Length);
        var count = Math.Min(_random.Next(1, 65), file.Length - from);
        var at = _random.Next(file.Length + 1);
        return [.. file.AsSpan(0, at), .. file.AsSpan(from, count), .. file.AsSpan(at)];
    }

    byte[] HugeSize(byte[] file, int offset)
    {
        var result = (byte[])file.Clone();
        ReadOnlySpan<uint> sizes = [1, 7, 65535, 65536, 100_000, 1 << 20, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];
        var field = offset + 4 * _random.Next(2);
        if (field + 4 > result.Length) return result;
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(field), sizes[_random.Next(sizes.Length)]);
        return result;
    }

    byte[] ChunkLength(byte[] file)
    {
        var result = (byte[])file.Clone();
        var starts = new List<int>();
        for (var pos = 8; pos + 8 <= file.Length;)
        {
            starts.Add(pos);
            pos += 12 + (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos)), int.MaxValue / 2);
        }
        var at = starts[_random.Next(starts.Count)];
        ReadOnlySpan<uint> lengths = [0, 1, 12, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];
        var old = BinaryPrimitives.ReadUInt32BigEndian(result.AsSpan(at));
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(at), _random.Next(2) == 0 ? lengths[_random.Next(lengths.Length)] : old + (uint)_random.Next(-3, 4));
        return result;
    }

    byte[] JpegFrameSize(byte[] file)
    {
        var result = (byte[])file.Clone();
        for (var i = 2; i + 9 < result.Length; i++)
        {
            if (result[i] != 0xFF || result[i + 1] is < 0xC0 or > 0xC2) continue;
            ReadOnlySpan<ushort> sizes = [0, 1, 8, 9, 16, 255, 4097, 32768, 65535];
            BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(i + 5 + 2 * _random.Next(2)), sizes[_random.Next(sizes.Length)]);
            break;
        }
        return result;
    }

    static byte[] WithCrcsFixed(byte[] png)
    {
        PngChunks.FixCrcs(png);
        return png;
    }
}
