namespace SegGanLab.Data;

/// <summary>
/// How the values stored in a dataset's mask files become labels: a 256-entry table from
/// stored value to label, with the stored values that are not allowed. Datasets apply it while
/// decoding, so everything downstream sees class indices and the ignore index only.
/// </summary>
public sealed class LabelMapping
{
    readonly byte[] _table;
    readonly bool[] _valid;

    LabelMapping(byte[] table, bool[] valid, string allowed) => (_table, _valid, Allowed) = (table, valid, allowed);

    /// <summary>The stored values that are allowed, in words, for error messages.</summary>
    public string Allowed { get; }

    /// <summary>The label for stored value <paramref name="stored"/>, or null when that value is not allowed.</summary>
    public int? this[byte stored] => _valid[stored] ? _table[stored] : null;

    /// <summary>Class indices 0..classCount-1 and the ignore index are kept as they are; any other value is an error.</summary>
    public static LabelMapping Identity(int classCount, int ignoreIndex) =>
        Build(v => v < classCount || v == ignoreIndex ? v : null, $"class indices 0..{classCount - 1} or the ignore index {ignoreIndex}");

    /// <summary>Binary masks: 0 is background; 1 or 255 is foreground.</summary>
    public static LabelMapping Binary() =>
        Build(v => v switch { 0 => 0, 1 or 255 => 1, _ => null }, "0 (background) and 1 or 255 (foreground)");

    /// <summary>
    /// mmsegmentation's reduce-zero-label: stored 0 ("other") becomes the ignore index and stored
    /// k becomes class k-1 (ADE20K); the ignore index itself stays.
    /// </summary>
    public static LabelMapping ReduceZeroLabel(int classCount, int ignoreIndex) =>
        Build(v => v == 0 ? ignoreIndex : v <= classCount ? v - 1 : v == ignoreIndex ? v : null,
              $"0 (ignored), 1..{classCount} (classes 0..{classCount - 1}) or the ignore index {ignoreIndex}");

    /// <summary>
    /// An explicit table: stored value i becomes <paramref name="labels"/>[i]; stored values at
    /// or beyond the table's length are errors.
    /// </summary>
    public static LabelMapping Table(IReadOnlyList<int> labels, string allowed) =>
        Build(v => v < labels.Count ? labels[v] : null, allowed);

    static LabelMapping Build(Func<int, int?> map, string allowed)
    {
        var table = new byte[256];
        var valid = new bool[256];
        for (var v = 0; v < 256; v++)
            if (map(v) is { } label)
            {
                if (label is < 0 or > 255) throw new ArgumentException($"Label mapping sends {v} to {label}, outside 0..255.");
                (table[v], valid[v]) = ((byte)label, true);
            }
        return new LabelMapping(table, valid, allowed);
    }

    /// <summary>
    /// Maps <paramref name="mask"/> in place. Returns the number of pixels holding values that are
    /// not allowed (mapped to <paramref name="fallback"/>) and the first such value (-1 if none).
    /// </summary>
    public (long count, int firstValue) Apply(Span<byte> mask, byte fallback)
    {
        long bad = 0;
        var first = -1;
        var table = _table;
        var valid = _valid;
        for (var i = 0; i < mask.Length; i++)
        {
            var v = mask[i];
            if (valid[v]) mask[i] = table[v];
            else
            {
                if (bad++ == 0) first = v;
                mask[i] = fallback;
            }
        }
        return (bad, first);
    }
}
