namespace SegGanLab.Plots;

/// <summary>How "best" is chosen across evaluations: the highest primary metric on the primary split.</summary>
static class RunSummary
{
    public static string PrimaryMetricOf(IReadOnlyList<EvalRecord> evals) =>
        evals.Any(e => e.Metrics.ContainsKey("mIoU")) ? "mIoU"
        : evals.Any(e => e.Metrics.ContainsKey("PSNR")) ? "PSNR"
        : evals.SelectMany(e => e.Metrics.Keys).FirstOrDefault() ?? "mIoU";

    public static string? PrimarySplitOf(IReadOnlyList<EvalRecord> evals) =>
        evals.Any(e => e.Split == "val") ? "val" : evals.FirstOrDefault()?.Split;

    /// <summary>The first evaluation reaching the highest finite value (earliest wins ties).</summary>
    public static EvalRecord? Best(IReadOnlyList<EvalRecord> evals, string metric, string? split)
    {
        EvalRecord? best = null;
        foreach (var e in evals)
        {
            if (e.Split != split || !double.IsFinite(e.Metric(metric))) continue;
            if (best is null || e.Metric(metric) > best.Metric(metric)) best = e;
        }
        return best;
    }
}
