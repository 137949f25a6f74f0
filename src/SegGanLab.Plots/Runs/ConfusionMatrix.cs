using System.Text.Json;

namespace SegGanLab.Plots;

/// <summary>
/// A confusion matrix (<c>confusion/step-NNNNNNN.json</c>): pixel counts, rows the ground truth,
/// columns the prediction, ignored pixels not counted.
/// </summary>
public sealed record ConfusionMatrix
{
    /// <summary>A matrix over <paramref name="names"/>; <paramref name="counts"/> must be square of that size.</summary>
    public ConfusionMatrix(IReadOnlyList<string> names, long[][] counts)
    {
        if (counts.Length != names.Count || counts.Any(r => r.Length != names.Count))
            throw new ArgumentException($"A confusion matrix over {names.Count} classes needs {names.Count}x{names.Count} counts, got {counts.Length} rows of lengths {string.Join("/", counts.Select(r => r.Length).Distinct())}.", nameof(counts));
        if (counts.Any(r => r.Any(c => c < 0))) throw new ArgumentException("Confusion counts cannot be negative.", nameof(counts));
        (Names, Counts) = (names, counts);
    }

    /// <summary>Class names, in index order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary><c>Counts[truth][prediction]</c> pixel counts.</summary>
    public long[][] Counts { get; }

    /// <summary>
    /// Each row divided by its sum: <c>[t][p]</c> is the fraction of class t's pixels predicted as
    /// p. Rows of classes with no pixels are NaN (nothing to normalise).
    /// </summary>
    public double[][] RowNormalized() => Counts.Select(row =>
    {
        double sum = row.Sum();
        return row.Select(c => sum > 0 ? c / sum : double.NaN).ToArray();
    }).ToArray();

    internal static ConfusionMatrix Read(string path)
    {
        using var doc = JsonFields.ParseFile(path);
        var root = JsonFields.Object(doc.RootElement, path);
        if (!JsonFields.TryGet(root, "names", out var names) || !JsonFields.TryGet(root, "matrix", out var matrix)
            || names.ValueKind != JsonValueKind.Array || matrix.ValueKind != JsonValueKind.Array)
            throw new RunFolderException($"{path}: needs \"names\" (class names) and \"matrix\" (rows of pixel counts, truth by prediction).");
        try
        {
            return new ConfusionMatrix(
                names.EnumerateArray().Select(n => n.GetString() ?? "").ToArray(),
                matrix.EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new RunFolderException($"{path}: {e.Message} (names are strings, counts non-negative integers).", e);
        }
    }
}
