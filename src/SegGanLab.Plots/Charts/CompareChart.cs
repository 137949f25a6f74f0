using System.Globalization;

namespace SegGanLab.Plots;

/// <summary>One run's line in a comparison table.</summary>
/// <param name="Run">The run's label (its folder name).</param>
/// <param name="Recipe">The recipe, if known.</param>
/// <param name="Steps">The last step with a record.</param>
/// <param name="Metric">The metric "best" is chosen by.</param>
/// <param name="Best">The best evaluation, if any.</param>
/// <param name="Final">The last evaluation, if any.</param>
/// <param name="Changed">The options that differ from their defaults, as <c>name=value</c>.</param>
public sealed record ComparisonRow(string Run, string? Recipe, long? Steps, string Metric, EvalRecord? Best, EvalRecord? Final, IReadOnlyList<string> Changed);

/// <summary>
/// Two or more runs side by side: metric curves overlaid (one panel per metric, one colour per
/// run, best starred), smoothed loss totals overlaid, and a table of best and final metrics.
/// </summary>
public static class CompareChart
{
    /// <summary>The metric panels: the segmentation or deblur metrics any of the runs has.</summary>
    public static Figure Metrics(IReadOnlyList<RunRecords> runs)
    {
        CheckRuns(runs);
        var metrics = new[] { "mIoU", "mAcc", "aAcc", "PSNR", "SSIM" }
            .Where(m => runs.Any(r => r.Evals.Any(e => e.Split == r.PrimarySplit && double.IsFinite(e.Metric(m))))).ToList();
        if (metrics.Count == 0) throw new ArgumentException("None of the runs has evaluations with mIoU, mAcc, aAcc, PSNR or SSIM to compare.", nameof(runs));
        return Overlay(runs, metrics, "Evaluation metrics", (run, metric) =>
        {
            var evals = run.Evals.Where(e => e.Split == run.PrimarySplit).ToList();
            var scale = metric is "PSNR" or "SSIM" ? 1 : 100;
            return (evals.Select(e => (double)e.Step).ToArray(), evals.Select(e => e.Metric(metric) * scale).ToArray());
        }, metric => metric switch { "PSNR" => "PSNR (dB)", "SSIM" => "SSIM", _ => metric + " (%)" }, markBest: true);
    }

    /// <summary>The loss panels: each side's total (<c>G/total</c>, <c>D/total</c>), EMA-smoothed.</summary>
    public static Figure Losses(IReadOnlyList<RunRecords> runs, double smoothing = LossChart.DefaultSmoothing)
    {
        CheckRuns(runs);
        var totals = runs.SelectMany(r => r.Train.SelectMany(t => t.Losses.Keys)).Where(k => k.EndsWith("/total", StringComparison.Ordinal))
            .Distinct().OrderBy(k => k.StartsWith("G/", StringComparison.Ordinal) ? 0 : k.StartsWith("D/", StringComparison.Ordinal) ? 1 : 2).ToList();
        if (totals.Count == 0) throw new ArgumentException("None of the runs has train records with a <side>/total loss to compare.", nameof(runs));
        return Overlay(runs, totals, string.Create(CultureInfo.InvariantCulture, $"Loss totals (EMA {smoothing:0.##})"), (run, total) =>
            (run.Train.Select(t => (double)t.Step).ToArray(),
             Smoothing.Ema(run.Train.Select(t => t.Losses.TryGetValue(total, out var v) ? v : double.NaN).ToArray(), smoothing)),
            total => total, markBest: false);
    }

    /// <summary>The best and final evaluation of each run.</summary>
    public static IReadOnlyList<ComparisonRow> Table(IReadOnlyList<RunRecords> runs) => runs.Select(r => new ComparisonRow(
        r.Label, r.Options?.Recipe, r.LastStep, r.PrimaryMetric, r.BestEval, r.FinalEval,
        r.Options?.Changed.Select(o => $"{o.Name}={o.ValueText}").ToList() ?? [])).ToList();

    static Figure Overlay(IReadOnlyList<RunRecords> runs, List<string> panels, string title,
        Func<RunRecords, string, (double[] X, double[] Y)> series, Func<string, string> axisTitle, bool markBest)
    {
        var grid = new SubplotGrid(panels.Count, 1, yGap: panels.Count > 1 ? 0.08 : 0);
        var traces = new List<Trace>();
        for (var i = 0; i < runs.Count; i++)
        {
            var color = ChartStyle.TraceColor(i);
            var legendShown = false;
            for (var p = 0; p < panels.Count; p++)
            {
                var (x, y) = series(runs[i], panels[p]);
                if (!y.Any(double.IsFinite)) continue;
                var (xId, yId) = (grid.XAxisId(p, 0), grid.YAxisId(p, 0));
                traces.Add(new Scatter
                {
                    X = x, Y = y, Name = runs[i].Label, LegendGroup = runs[i].Label, ShowLegend = !legendShown, XAxis = xId, YAxis = yId,
                    Mode = markBest ? ScatterMode.Lines | ScatterMode.Markers : ScatterMode.Lines, Line = new Line { Color = color, Width = 2 },
                    Marker = markBest ? new Marker { Size = 5 } : null, HoverTemplate = $"{runs[i].Label}<br>{panels[p]} %{{y:.4g}} at step %{{x}}<extra></extra>",
                });
                legendShown = true;
                if (!markBest) continue;
                var best = BestMarker.IndexOf(y)!.Value;
                traces.Add(BestMarker.Star(x[best], y[best], color, $"best {panels[p]}", runs[i].Label,
                    $"{runs[i].Label}<br>best {panels[p]} %{{y:.4g}} at step %{{x}}<extra></extra>") with { XAxis = xId, YAxis = yId });
            }
        }
        var axes = grid.Axes((row, _, isX) => isX
            ? ChartStyle.ValueAxis(row == panels.Count - 1 ? "step" : null) with { Matches = row == 0 ? null : "x" }
            : ChartStyle.ValueAxis(axisTitle(panels[row])));
        return new Figure
        {
            Data = traces,
            Layout = ChartStyle.BaseLayout(title, 120 + 240 * panels.Count) with { Axes = axes, HoverMode = HoverMode.Closest },
            Config = ChartStyle.Config("compare"),
        };
    }

    static void CheckRuns(IReadOnlyList<RunRecords> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("A comparison needs at least one run.", nameof(runs));
    }
}
