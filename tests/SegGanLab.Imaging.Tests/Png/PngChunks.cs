using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using SegGanLab.Imaging.Png;

namespace SegGanLab.Imaging.Tests.Png;

/// <summary>A PNG taken apart into chunks and put back together, to build malformed files in tests.</summary>
public sealed class PngChunks
{
    static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The chunks in file order: type and data.</summary>
    public List<(string Type, byte[] Data)> Chunks { get; } = [];

    /// <summary>Splits a well-formed PNG into its chunks.</summary>
    public static PngChunks Parse(byte[] png)
    {
        var result = new PngChunks();
        for (var pos = 8; pos < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            result.Chunks.Add((Encoding.ASCII.GetString(png, pos + 4, 4), png.AsSpan(pos + 8, length).ToArray()));
            pos += 12 + length;
        }
        return result;
    }

    /// <summary>The data of the first chunk of <paramref name="type"/>.</summary>
    public byte[] Data(string type) => Chunks.First(c => c.Type == type).Data;

    /// <summary>Index of the first chunk of <paramref name="type"/>.</summary>
    public int IndexOf(string type) => Chunks.FindIndex(c => c.Type == type);

    /// <summary>The IDAT data joined and split again into chunks of at most <paramref name="size"/> bytes.</summary>
    public PngChunks SplitImageData(int size)
    {
        var first = IndexOf("IDAT");
        var data = Chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();
        Chunks.RemoveAll(c => c.Type == "IDAT");
        for (var offset = data.Length - (data.Length - 1) % size - 1; offset >= 0; offset -= size)
            Chunks.Insert(first, ("IDAT", data[offset..Math.Min(data.Length, offset + size)]));
        return this;
    }

    /// <summary>The file, with correct lengths and CRCs.</summary>
    public byte[] Build()
    {
        using var file = new MemoryStream();
        file.Write(Signature);
        foreach (var (type, data) in Chunks) PngEncoder.WriteChunk(file, Encoding.ASCII.GetBytes(type), data);
        return file.ToArray();
    }

    /// <summary>Recomputes the CRC of every complete chunk of <paramref name="png"/> in place (for mutation tests).</summary>
    public static void FixCrcs(byte[] png)
    {
        for (var pos = 8; pos + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            if (length > png.Length - pos - 12) return;
            var crc = Crc32.HashToUInt32(png.AsSpan(pos + 4, (int)length + 4));
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(pos + 8 + (int)length), crc);
            pos += 12 + (int)length;
        }
    }
}
