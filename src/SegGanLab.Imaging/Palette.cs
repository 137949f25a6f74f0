namespace SegGanLab.Imaging;

/// <summary>
/// A PNG palette: 1 to 256 colours, each with an optional alpha (from the tRNS chunk). Pixels of
/// a palette image are indices into it; label masks (Pascal VOC style) keep class indices in the
/// pixels and use the palette only to colour them.
/// </summary>
public sealed class Palette : IEquatable<Palette>
{
    /// <summary>The most entries a palette may have.</summary>
    public const int MaxCount = 256;

    readonly Rgb24[] _colors;
    readonly byte[]? _alphas;

    /// <summary>A palette of <paramref name="colors"/>, optionally with per-entry alpha.</summary>
    /// <param name="colors">1 to 256 colours.</param>
    /// <param name="alphas">Alpha per entry (255 = opaque); may be shorter than the colours (the rest are opaque), never longer.</param>
    /// <exception cref="ArgumentException">No colours, more than 256, or more alphas than colours.</exception>
    public Palette(IEnumerable<Rgb24> colors, IEnumerable<byte>? alphas = null)
    {
        ArgumentNullException.ThrowIfNull(colors);
        _colors = colors.ToArray();
        if (_colors.Length is 0 or > MaxCount)
            throw new ArgumentException($"A palette holds 1 to {MaxCount} colours, got {_colors.Length}.", nameof(colors));
        if (alphas is null) return;
        var a = alphas.ToArray();
        if (a.Length > _colors.Length)
            throw new ArgumentException($"The palette has {_colors.Length} colours but {a.Length} alpha values; give at most one alpha per colour.", nameof(alphas));
        if (a.All(v => v == 255)) return;
        _alphas = new byte[_colors.Length];
        Array.Fill(_alphas, (byte)255);
        a.CopyTo(_alphas, 0);
    }

    /// <summary>The colours, in index order.</summary>
    public IReadOnlyList<Rgb24> Colors => _colors;

    /// <summary>Alpha per entry (same length as <see cref="Colors"/>), or null when every entry is opaque.</summary>
    public IReadOnlyList<byte>? Alphas => _alphas;

    /// <summary>Whether any entry is not fully opaque.</summary>
    public bool HasAlpha => _alphas is not null;

    /// <summary>The number of entries.</summary>
    public int Count => _colors.Length;

    /// <summary>The colour of entry <paramref name="index"/>.</summary>
    public Rgb24 this[int index] => _colors[index];

    /// <summary>The alpha of entry <paramref name="index"/> (255 when the palette has no alpha).</summary>
    public byte AlphaAt(int index) => _alphas is null ? (byte)255 : _alphas[index];

    /// <summary>A palette from flat <c>r, g, b</c> bytes (PNG's PLTE layout).</summary>
    /// <exception cref="ArgumentException">The byte count is not a positive multiple of 3 up to 768.</exception>
    public static Palette FromRgbBytes(ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length % 3 != 0)
            throw new ArgumentException($"Palette bytes come in r, g, b triples; got {rgb.Length} bytes.", nameof(rgb));
        var colors = new Rgb24[rgb.Length / 3];
        for (var i = 0; i < colors.Length; i++) colors[i] = new Rgb24(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]);
        return new Palette(colors);
    }

    /// <summary>Whether both palettes have the same colours and alphas.</summary>
    public bool Equals(Palette? other) =>
        other is not null && _colors.AsSpan().SequenceEqual(other._colors)
        && (_alphas ?? []).AsSpan().SequenceEqual(other._alphas ?? []);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Palette);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in _colors) hash.Add(c);
        hash.AddBytes(_alphas ?? []);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"Palette({Count} colours{(HasAlpha ? ", with alpha" : "")})";
}
