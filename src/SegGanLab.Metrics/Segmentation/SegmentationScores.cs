using System.Globalization;
using System.Text;

namespace SegGanLab.Metrics;

/// <summary>
/// Every segmentation metric of one confusion matrix: the per-class table and the summary values,
/// named as docs/run-folder.md names them. Built by <see cref="ConfusionMatrix.Compute"/>.
/// </summary>
public sealed class SegmentationScores
{
    SegmentationScores(IReadOnlyList<ClassScores> perClass, double meanIoU, double meanAccuracy, double overallAccuracy, double meanDice, double fwIoU)
    {
        PerClass = perClass;
        MeanIoU = meanIoU;
        MeanAccuracy = meanAccuracy;
        OverallAccuracy = overallAccuracy;
        MeanDice = meanDice;
        FrequencyWeightedIoU = fwIoU;
    }

    /// <summary>One row per class, in class order (the <c>per_class</c> records).</summary>
    public IReadOnlyList<ClassScores> PerClass { get; }
    /// <summary>The mean IoU over classes whose IoU is defined.</summary>
    public double MeanIoU { get; }
    /// <summary>The mean accuracy (recall) over classes present in the ground truth.</summary>
    public double MeanAccuracy { get; }
    /// <summary>Correct pixels over counted pixels.</summary>
    public double OverallAccuracy { get; }
    /// <summary>The mean Dice over classes whose Dice is defined.</summary>
    public double MeanDice { get; }
    /// <summary>Σ_c freq(c)·IoU(c) with freq(c) the share of ground-truth pixels of class c.</summary>
    public double FrequencyWeightedIoU { get; }

    /// <summary>The summary values by name: <c>mIoU</c>, <c>mAcc</c>, <c>aAcc</c>, <c>mDice</c>, <c>fwIoU</c>.</summary>
    public IReadOnlyDictionary<string, double> Summary => new OrderedDictionary<string, double>(StringComparer.Ordinal)
    {
        [MetricNames.MeanIoU] = MeanIoU,
        [MetricNames.MeanAccuracy] = MeanAccuracy,
        [MetricNames.OverallAccuracy] = OverallAccuracy,
        [MetricNames.MeanDice] = MeanDice,
        [MetricNames.FrequencyWeightedIoU] = FrequencyWeightedIoU,
    };

    /// <summary>
    /// Computes every metric from <paramref name="counts"/> [ground truth, prediction]; see
    /// <see cref="ConfusionMatrix"/> for which values are NaN and left out of the means.
    /// </summary>
    /// <exception cref="ArgumentException">When the matrix is not square or the names do not fit.</exception>
    public static SegmentationScores FromCounts(long[,] counts, IReadOnlyList<string> classNames)
    {
        var n = counts.GetLength(0);
        if (n == 0 || counts.GetLength(1) != n || classNames.Count != n)
            throw new ArgumentException($"a confusion matrix must be square with at least one class and one name per class; got {n}x{counts.GetLength(1)} and {classNames.Count} names.", nameof(counts));
        double total = 0, correct = 0, weightedIoU = 0;
        var rows = new ClassScores[n];
        for (var c = 0; c < n; c++)
        {
            double tp = counts[c, c], actual = 0, predicted = 0;
            for (var k = 0; k < n; k++)
            {
                actual += counts[c, k];
                predicted += counts[k, c];
            }
            double fn = actual - tp, fp = predicted - tp;
            rows[c] = new ClassScores(classNames[c], Ratio(tp, tp + fp + fn), Ratio(tp, actual), Ratio(2 * tp, 2 * tp + fp + fn), Ratio(tp, predicted));
            total += actual;
            correct += tp;
            if (actual > 0) weightedIoU += actual * rows[c].IoU;
        }
        return new SegmentationScores(rows, NanMean(rows.Select(r => r.IoU)), NanMean(rows.Select(r => r.Accuracy)), Ratio(correct, total),
                                      NanMean(rows.Select(r => r.Dice)), Ratio(weightedIoU, total));
    }

    /// <summary>
    /// The per-class table as aligned text (percentages, "nan" where undefined) with the summary
    /// underneath, for logs and notebooks.
    /// </summary>
    public string ToTable()
    {
        var width = Math.Max(5, PerClass.Max(r => r.Name.Length));
        var sb = new StringBuilder();
        sb.AppendLine($"{"class".PadRight(width)} {"IoU",7} {"Acc",7} {"Dice",7} {"Prec",7}");
        foreach (var r in PerClass)
            sb.AppendLine($"{r.Name.PadRight(width)} {Percent(r.IoU)} {Percent(r.Accuracy)} {Percent(r.Dice)} {Percent(r.Precision)}");
        sb.Append(string.Join("  ", Summary.Select(kv => $"{kv.Key} {Percent(kv.Value).Trim()}")));
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToTable();

    static string Percent(double v) => double.IsNaN(v) ? "    nan" : (100 * v).ToString("0.00", CultureInfo.InvariantCulture).PadLeft(7);

    static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;

    static double NanMean(IEnumerable<double> values)
    {
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        return defined.Length == 0 ? double.NaN : defined.Average();
    }
}
