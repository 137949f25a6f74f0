using System.Globalization;

namespace SegGanLab.Plots;

/// <summary>
/// Loss curves: one panel per side (<c>G</c> then <c>D</c>, then any other), every term of that
/// side EMA-smoothed with the raw values faint behind it, the side's total in dark grey, and
/// the side's learning rate dashed on a second y axis at the right.
/// </summary>
public static class LossChart
{
    /// <summary>The default EMA weight (TensorBoard's default smoothing).</summary>
    public const double DefaultSmoothing = 0.6;

    /// <summary>Builds the loss figure from train records.</summary>
    /// <param name="train">Train records in step order.</param>
    /// <param name="smoothing">EMA weight in [0, 1).</param>
    /// <param name="title">The figure title.</param>
    /// <exception cref="ArgumentException">No train record carries a loss.</exception>
    public static Figure Create(IReadOnlyList<TrainRecord> train, double smoothing = DefaultSmoothing, string title = "Losses")
    {
        var names = train.SelectMany(t => t.Losses.Keys).Distinct().ToList();
        if (names.Count == 0) throw new ArgumentException("No train record has losses to chart; metrics.jsonl train records carry them under \"losses\".", nameof(train));
        var sides = names.Select(SideOf).Distinct().OrderBy(SideRank).ThenBy(s => s, StringComparer.Ordinal).ToList();
        var lrNames = train.SelectMany(t => t.LearningRates.Keys).Distinct().ToList();
        var grid = new SubplotGrid(sides.Count, 1, yGap: sides.Count > 1 ? 0.1 : 0);
        var steps = train.Select(t => (double)t.Step).ToArray();
        var traces = new List<Trace>();
        var axes = grid.Axes((row, _, isX) => isX
            ? ChartStyle.ValueAxis(row == sides.Count - 1 ? "step" : null) with { Matches = row == 0 ? null : "x" }
            : ChartStyle.ValueAxis(sides[row] == "" ? "loss" : $"{sides[row]} loss"));
        var extraAxes = 0;
        for (var row = 0; row < sides.Count; row++)
        {
            var (xId, yId) = (grid.XAxisId(row, 0), grid.YAxisId(row, 0));
            var terms = names.Where(n => SideOf(n) == sides[row]).OrderBy(n => n.EndsWith("/total", StringComparison.Ordinal)).ToList();
            for (var k = 0; k < terms.Count; k++)
            {
                var name = terms[k];
                var isTotal = name.EndsWith("/total", StringComparison.Ordinal);
                var color = isTotal ? "#333333" : ChartStyle.TraceColor(k);
                var raw = train.Select(t => t.Losses.TryGetValue(name, out var v) ? v : double.NaN).ToArray();
                traces.Add(new Scatter
                {
                    X = steps, Y = raw, Mode = ScatterMode.Lines, Name = name, LegendGroup = name, ShowLegend = false,
                    Line = new Line { Color = ChartStyle.Fade(color, 0.25), Width = 1 }, HoverInfo = HoverInfo.Skip, XAxis = xId, YAxis = yId,
                });
                traces.Add(new Scatter
                {
                    X = steps, Y = Smoothing.Ema(raw, smoothing), Mode = ScatterMode.Lines, Name = name, LegendGroup = name,
                    Line = new Line { Color = color, Width = isTotal ? 2.5 : 1.8 }, XAxis = xId, YAxis = yId,
                    CustomData = raw, HoverTemplate = "%{y:.4g} (raw %{customdata:.4g})",
                });
            }
            foreach (var lr in lrNames.Where(l => LrBelongsTo(l, sides, row)))
            {
                var lrAxis = SubplotGrid.AxisId('y', sides.Count + extraAxes++);
                axes[lrAxis] = ChartStyle.ValueAxis("learning rate", grid: false) with
                {
                    Overlaying = yId, Side = Side.Right, Anchor = xId, TickMode = TickMode.Auto, ExponentFormat = ExponentFormat.E, RangeMode = RangeMode.ToZero,
                };
                traces.Add(new Scatter
                {
                    X = steps, Y = train.Select(t => t.LearningRates.TryGetValue(lr, out var v) ? v : double.NaN).ToArray(),
                    Mode = ScatterMode.Lines, Name = $"lr {lr}", Line = new Line { Color = "#888888", Width = 1.5, Dash = Dash.Dash },
                    XAxis = xId, YAxis = lrAxis, HoverTemplate = "%{y:.3e}",
                });
            }
        }
        var smoothText = smoothing > 0 ? string.Create(CultureInfo.InvariantCulture, $"EMA {smoothing:0.##}, raw values faint") : "raw values";
        return new Figure
        {
            Data = traces,
            Layout = ChartStyle.BaseLayout($"{title} <span style=\"font-size:12px;color:#777\">({smoothText})</span>", 140 + 260 * sides.Count) with
            {
                Axes = axes, HoverMode = HoverMode.XUnified, Margin = new Margin { L = 64, R = 72, T = 96, B = 48 },
                // Above the panels: at the right it would collide with the learning-rate axes.
                Legend = ChartStyle.TopLegend,
            },
            Config = ChartStyle.Config("losses"),
        };
    }

    /// <summary>The side of a loss name: the part before the first <c>/</c> (<c>G</c>, <c>D</c>), or empty.</summary>
    public static string SideOf(string lossName) => lossName.IndexOf('/') is var i and > 0 ? lossName[..i] : "";

    static int SideRank(string side) => side switch { "G" => 0, "D" => 1, _ => 2 };

    // An optimizer named like a side goes with that side's panel; others go with the first panel.
    static bool LrBelongsTo(string lr, List<string> sides, int row) =>
        sides.Contains(lr) ? sides[row] == lr : row == 0;
}
