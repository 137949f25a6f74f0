using System.Globalization;

namespace SegGanLab.Plots;

/// <summary>How reports and notebook displays print metrics, steps and durations.</summary>
public static class ReportFormat
{
    /// <summary>PSNR in dB, SSIM as a fraction, every other metric (a fraction) as a percentage.</summary>
    public static string Metric(string name, double value) =>
        !double.IsFinite(value) ? "n/a"
        : name == "PSNR" ? value.ToString("0.00", CultureInfo.InvariantCulture) + " dB"
        : name == "SSIM" ? value.ToString("0.0000", CultureInfo.InvariantCulture)
        : ChartStyle.Percent(value);

    /// <summary>A step with thousands separators (<c>1,200</c>), or <c>-</c> when there is none.</summary>
    public static string Step(long? step) => step is { } s ? s.ToString("N0", CultureInfo.InvariantCulture) : "-";

    /// <summary>Seconds as <c>1h 02m</c>, <c>12m 04s</c> or <c>8.3s</c>.</summary>
    public static string Duration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0) return "-";
        var t = TimeSpan.FromSeconds(seconds);
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes:00}m"
            : t.TotalMinutes >= 1 ? $"{t.Minutes}m {t.Seconds:00}s"
            : seconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
    }

    /// <summary>The metrics of the primary split, in the order their evaluations list them.</summary>
    public static IReadOnlyList<string> MetricNames(RunRecords run) => MetricNames(run.Evals, run.PrimarySplit);

    /// <summary>The metrics of the evaluations of <paramref name="split"/>, in the order they list them.</summary>
    public static IReadOnlyList<string> MetricNames(IEnumerable<EvalRecord> evals, string? split) =>
        evals.Where(e => e.Split == split).SelectMany(e => e.Metrics.Keys).Distinct().ToList();
}
