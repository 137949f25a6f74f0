namespace SegGanLab.Plots;

/// <summary>
/// One <c>"kind": "eval"</c> line of <c>metrics.jsonl</c>: the summary metrics, the per-class
/// table and where that evaluation's confusion matrix and samples are.
/// </summary>
/// <param name="Step">The global optimisation step of the evaluation.</param>
/// <param name="Epoch">Fractional epoch (NaN when not given).</param>
/// <param name="Time">Seconds since training started (NaN when not given).</param>
/// <param name="Split">The evaluated split (<c>val</c> unless the record says otherwise).</param>
/// <param name="Metrics">Summary metrics: fractions in [0, 1] (<c>mIoU</c>, <c>mAcc</c>, <c>aAcc</c>, ...), or <c>PSNR</c> in dB and <c>SSIM</c> for deblur runs; NaN when undefined.</param>
/// <param name="PerClass">Per-class scores in class order (empty for deblur runs).</param>
/// <param name="Confusion">The confusion matrix file relative to the run folder, if any.</param>
/// <param name="Samples">The samples folder relative to the run folder, if any.</param>
public sealed record EvalRecord(
    long Step,
    double Epoch,
    double Time,
    string Split,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<ClassScores> PerClass,
    string? Confusion,
    string? Samples)
{
    /// <summary>A metric's value, or NaN when this evaluation has no such metric.</summary>
    public double Metric(string name) => Metrics.TryGetValue(name, out var v) ? v : double.NaN;
}

/// <summary>One class's row of an evaluation's per-class table; NaN where undefined (class absent from both prediction and truth).</summary>
/// <param name="Name">The class name.</param>
/// <param name="Iou">Intersection over union.</param>
/// <param name="Acc">Accuracy (recall of the class's pixels).</param>
/// <param name="Dice">Dice / F1.</param>
/// <param name="Precision">Precision.</param>
/// <param name="Recall">Recall.</param>
public sealed record ClassScores(string Name, double Iou, double Acc, double Dice, double Precision, double Recall);
