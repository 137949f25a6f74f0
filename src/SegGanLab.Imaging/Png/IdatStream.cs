namespace SegGanLab.Imaging.Png;

/// <summary>
/// A read-only stream over the data of consecutive IDAT chunks in pinned memory, so the inflater
/// reads the file's bytes in place instead of a concatenated copy. The caller keeps the memory
/// pinned for the stream's whole life.
/// </summary>
internal sealed unsafe class IdatStream : Stream
{
    readonly byte* _data;
    readonly List<(int Offset, int Length)> _segments;
    int _segment;
    int _offset;

    /// <summary>A stream over <paramref name="segments"/> of the pinned buffer at <paramref name="data"/>.</summary>
    public IdatStream(byte* data, List<(int Offset, int Length)> segments)
    {
        _data = data;
        _segments = segments;
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (_segment < _segments.Count)
        {
            var (offset, length) = _segments[_segment];
            var left = length - _offset;
            if (left == 0)
            {
                _segment++;
                _offset = 0;
                continue;
            }
            var n = Math.Min(left, buffer.Length);
            new ReadOnlySpan<byte>(_data + offset + _offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }
        return 0;
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Flush() { }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
