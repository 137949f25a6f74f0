namespace SegGanLab.Data;

/// <summary>Random splits of a dataset with a fixed seed: the same seed always gives the same split.</summary>
public static class DatasetSplits
{
    const long SplitKey = 0x5B17;

    /// <summary>
    /// Splits into a part with round(<paramref name="fraction"/> x Count) samples (at least one when the
    /// fraction is positive) and the rest, both drawn from one seeded permutation; each part keeps
    /// dataset order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 &lt;= fraction &lt;= 1.</exception>
    public static (SubsetDataset first, SubsetDataset rest) ByFraction(SegmentationDataset dataset, double fraction, long seed = 0, bool hideRestLabels = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!(fraction is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A split fraction must be within 0..1.");
        var order = new int[dataset.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var random = new DataRandom(seed, SplitKey);
        random.Shuffle(order.AsSpan());
        var take = (int)Math.Round(fraction * order.Length, MidpointRounding.AwayFromZero);
        if (fraction > 0 && order.Length > 0) take = Math.Max(1, take);
        var first = order[..take];
        var rest = order[take..];
        Array.Sort(first);
        Array.Sort(rest);
        return (new SubsetDataset(dataset, first), new SubsetDataset(dataset, rest, hideRestLabels));
    }

    /// <summary>
    /// The semi-supervised split: a labelled part of <paramref name="labelledFraction"/> and an
    /// unlabelled rest whose masks are hidden (filled with the ignore index), as in Hung et al.'s
    /// partial-data runs.
    /// </summary>
    public static (SubsetDataset labelled, SubsetDataset unlabelled) LabelledUnlabelled(SegmentationDataset dataset, double labelledFraction, long seed = 0) =>
        ByFraction(dataset, labelledFraction, seed, hideRestLabels: true);
}
