namespace SegGanLab.Imaging.Png;

/// <summary>Where <see cref="PngDecoder"/> puts each unfiltered scanline: a converter to the output's layout.</summary>
internal interface IPngRowSink
{
    /// <summary>Channels of each output pixel.</summary>
    int OutChannels { get; }

    /// <summary>Bytes of each output sample: 1, or 2 for 16-bit samples in native byte order.</summary>
    int BytesPerSample { get; }

    /// <summary>The palette the output indexes into, or null when it holds samples.</summary>
    Palette? Palette { get; }

    /// <summary>
    /// Converts <paramref name="count"/> pixels of the unfiltered <paramref name="raw"/> scanline of
    /// image row <paramref name="y"/> into <paramref name="outRow"/>, pixel i at column x0 + i * dx.
    /// </summary>
    void Convert(ReadOnlySpan<byte> raw, int count, Span<byte> outRow, int x0, int dx, int y);
}
