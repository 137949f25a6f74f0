using System.Globalization;

namespace SegGanLab.Plots;

/// <summary>
/// Evaluation metrics over steps, with the best of each curve starred and the best of the
/// primary metric labelled. Segmentation runs show mIoU, mAcc and aAcc in percent (mDice,
/// fwIoU and others listed in the legend, one click away); deblur runs show PSNR in dB with
/// SSIM on a second axis. Each split other than the primary one gets its own, dotted curves.
/// </summary>
public static class MetricChart
{
    /// <summary>The segmentation metrics shown at first; any other metric starts hidden in the legend.</summary>
    public static IReadOnlyList<string> Shown { get; } = ["mIoU", "mAcc", "aAcc"];

    /// <summary>Builds the metric figure from eval records.</summary>
    /// <exception cref="ArgumentException">There are no eval records with metrics.</exception>
    public static Figure Create(IReadOnlyList<EvalRecord> evals, string title = "Evaluation metrics")
    {
        var metrics = evals.SelectMany(e => e.Metrics.Keys).Distinct().ToList();
        if (metrics.Count == 0) throw new ArgumentException("No eval record has metrics to chart; metrics.jsonl eval records carry them under \"metrics\".", nameof(evals));
        var primary = RunSummary.PrimaryMetricOf(evals);
        var primarySplit = RunSummary.PrimarySplitOf(evals);
        var deblur = primary == "PSNR";
        var traces = new List<Trace>();
        var annotations = new List<Annotation>();
        var splits = evals.Select(e => e.Split).Distinct().OrderBy(s => s == primarySplit ? 0 : 1).ToList();
        foreach (var split in splits)
        {
            var points = evals.Where(e => e.Split == split).ToList();
            var steps = points.Select(e => (double)e.Step).ToArray();
            for (var k = 0; k < metrics.Count; k++)
            {
                var metric = metrics[k];
                var (scale, onSecond) = deblur ? (1.0, metric != "PSNR") : (100.0, false);
                var values = points.Select(e => e.Metric(metric) * scale).ToArray();
                if (BestMarker.IndexOf(values) is not { } best) continue;
                var name = split == primarySplit ? metric : $"{metric} ({split})";
                var color = ChartStyle.TraceColor(k);
                var visible = deblur || Shown.Contains(metric) ? (TraceVisibility?)null : TraceVisibility.LegendOnly;
                var yAxis = onSecond ? "y2" : "y";
                var format = deblur && !onSecond ? ":.2f} dB" : deblur ? ":.4f}" : ":.1f}%";
                traces.Add(new Scatter
                {
                    X = steps, Y = values, Name = name, LegendGroup = name, Visible = visible, Mode = ScatterMode.Lines | ScatterMode.Markers,
                    Line = new Line { Color = color, Width = 2, Dash = split == primarySplit ? null : Dash.Dot }, Marker = new Marker { Size = 5 },
                    YAxis = yAxis, HoverTemplate = "%{y" + format,
                });
                traces.Add(BestMarker.Star(steps[best], values[best], color, $"best {name}", name, "best " + name + ": %{y" + format + " at step %{x}<extra></extra>")
                    with { Visible = visible, YAxis = yAxis });
                if (metric == primary && split == primarySplit)
                    annotations.Add(new Annotation
                    {
                        // Below the point (the best is at the top, near the title), leaning away from the nearer edge.
                        X = steps[best], Y = values[best], YRef = yAxis, XRef = "x", ShowArrow = true, ArrowHead = 2, Ax = 0, Ay = 32,
                        XAnchor = LeanAway(steps, steps[best]),
                        Text = string.Create(CultureInfo.InvariantCulture, $"best {metric} {values[best]:0.0#}{(deblur ? " dB" : "%")} @ step {steps[best]:0}"),
                        BgColor = "rgba(255,255,255,0.85)",
                    });
            }
        }
        var axes = new Dictionary<string, Axis>
        {
            ["x"] = ChartStyle.ValueAxis("step"),
            ["y"] = deblur ? ChartStyle.ValueAxis("PSNR (dB)") : ChartStyle.ValueAxis("percent") with { TickSuffix = "%", RangeMode = RangeMode.ToZero },
        };
        if (deblur && traces.Any(t => t.YAxis == "y2"))
            axes["y2"] = ChartStyle.ValueAxis("SSIM", grid: false) with { Overlaying = "y", Side = Side.Right, Anchor = "x", TickMode = TickMode.Auto };
        return new Figure
        {
            Data = traces,
            Layout = ChartStyle.BaseLayout(title, 420) with
            {
                Axes = axes, Annotations = annotations, HoverMode = HoverMode.Closest, Margin = new Margin { L = 64, R = deblur ? 72 : 24, T = deblur ? 88 : 56, B = 48 },
                // With the SSIM axis at the right, the legend goes above the plot.
                Legend = deblur ? ChartStyle.TopLegend : null,
            },
            Config = ChartStyle.Config("metrics"),
        };
    }

    static XAnchor LeanAway(double[] steps, double x)
    {
        var (first, last) = (steps.Min(), steps.Max());
        var at = last > first ? (x - first) / (last - first) : 0.5;
        return at > 2.0 / 3 ? XAnchor.Right : at < 1.0 / 3 ? XAnchor.Left : XAnchor.Center;
    }
}
