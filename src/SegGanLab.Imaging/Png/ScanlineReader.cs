using System.IO.Compression;

namespace SegGanLab.Imaging.Png;

/// <summary>
/// Hands out scanlines from the inflated image data. It inflates in blocks of 64 KiB, because
/// every call into the inflater has a fixed cost that row-sized reads would pay hundreds of times.
/// </summary>
internal sealed class ScanlineReader : IDisposable
{
    const int BlockLength = 64 * 1024;

    readonly ZLibStream _inflater;
    readonly byte[] _block = System.Buffers.ArrayPool<byte>.Shared.Rent(BlockLength);
    int _start;
    int _end;

    /// <summary>A reader that inflates <paramref name="compressed"/>, a zlib stream.</summary>
    public ScanlineReader(Stream compressed) => _inflater = new ZLibStream(compressed, CompressionMode.Decompress);

    /// <summary>
    /// Fills <paramref name="row"/> with the next inflated bytes; false when the data ends first.
    /// Corrupt data throws <see cref="InvalidDataException"/>.
    /// </summary>
    public bool Read(Span<byte> row)
    {
        while (!row.IsEmpty)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = _inflater.Read(_block, 0, BlockLength);
                if (_end == 0) return false;
            }
            var n = Math.Min(row.Length, _end - _start);
            _block.AsSpan(_start, n).CopyTo(row);
            _start += n;
            row = row[n..];
        }
        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _inflater.Dispose();
        System.Buffers.ArrayPool<byte>.Shared.Return(_block);
    }
}
