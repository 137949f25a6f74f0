namespace SegGanLab.Models;

/// <summary>Finds the registered name closest to a mistyped one (edit distance, separators ignored).</summary>
internal static class NameSuggestion
{
    /// <summary>The closest of <paramref name="names"/>, or null when none is plausibly meant.</summary>
    internal static string? Closest(string name, IReadOnlyList<string> names)
    {
        var bare = Bare(name);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in names)
        {
            var distance = Distance(bare, Bare(candidate));
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        // A third of the name may be wrong (at least 2 edits): "unte" -> "unet", "segnetbasic" -> "segnet_basic".
        return bestDistance <= Math.Max(2, bare.Length / 3) ? best : null;
    }

    static string Bare(string s) => s.Replace("_", "", StringComparison.Ordinal);

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
