using System.Globalization;
using System.Text;
using SegGanLab.Metrics;

namespace SegGanLab.Experiments;

/// <summary>What evaluating trained weights on a dataset split found: the summary metrics and the per-class table.</summary>
/// <param name="Dataset">The evaluated dataset's name.</param>
/// <param name="Split">The split (<c>val</c>, <c>train</c>, ...).</param>
/// <param name="Samples">Samples evaluated.</param>
/// <param name="Checkpoint">The checkpoint whose weights were evaluated.</param>
/// <param name="Metrics">Summary metrics by the run folder's names (<c>mIoU</c>, <c>mAcc</c>, <c>aAcc</c>, <c>mDice</c>, <c>fwIoU</c>).</param>
/// <param name="Scores">The per-class scores.</param>
public sealed record EvaluationReport(string Dataset, string Split, int Samples, string Checkpoint, IReadOnlyDictionary<string, double> Metrics, SegmentationScores? Scores)
{
    /// <summary>The primary metric (mIoU), NaN when absent.</summary>
    public double MeanIoU => Metrics.TryGetValue("mIoU", out var m) ? m : double.NaN;

    /// <summary>A header line and the per-class table with the summary metrics.</summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        s.AppendLine($"{Dataset} ({Split}, {Samples} samples), weights {Checkpoint}");
        // The table ends with the summary metrics; without one, list them.
        if (Scores is not null) s.Append(Scores.ToTable());
        else s.AppendLine(string.Join(", ", Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.####}"))));
        return s.ToString();
    }
}
