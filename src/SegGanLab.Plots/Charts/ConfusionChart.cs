using System.Globalization;

namespace SegGanLab.Plots;

/// <summary>
/// A row-normalised confusion matrix as a heatmap: rows are the ground truth (top to bottom in
/// class order), columns the prediction, each cell the percentage of the row's pixels. Small
/// matrices print the percentage in every cell; hovering shows the pixel count too.
/// </summary>
public static class ConfusionChart
{
    /// <summary>Matrices with at most this many classes get a percentage printed in each cell.</summary>
    public const int AnnotateUpTo = 12;

    /// <summary>Builds the heatmap of <paramref name="matrix"/>.</summary>
    /// <param name="matrix">The pixel counts.</param>
    /// <param name="title">The figure title (say which evaluation).</param>
    public static Figure Create(ConfusionMatrix matrix, string title = "Confusion matrix")
    {
        var n = matrix.Names.Count;
        var percent = matrix.RowNormalized().Select(r => r.Select(v => v * 100).ToArray()).ToArray();
        var names = matrix.Names.ToArray();
        var size = Math.Clamp(160 + 40 * n, 460, 900);
        var heatmap = new Heatmap
        {
            Z = percent, X = names, Y = names, ColorScale = Blues, ZMin = 0, ZMax = 100, XGap = 1, YGap = 1, HoverOnGaps = false,
            ColorBar = new ColorBar { Title = "% of true class", TickSuffix = "%", Thickness = 14, Len = 0.9 },
            TextTemplate = n <= AnnotateUpTo ? "%{z:.1f}" : null,
            TextFont = n <= AnnotateUpTo ? new Font { Size = n <= 6 ? 13 : 10 } : null,
            CustomData = matrix.Counts,
            HoverTemplate = "truth <b>%{y}</b><br>predicted <b>%{x}</b><br>%{z:.2f}% of the row (%{customdata:,} px)<extra></extra>",
        };
        return new Figure
        {
            Data = [heatmap],
            Layout = ChartStyle.BaseLayout(title, size) with
            {
                Width = size + 140,
                Axes = new Dictionary<string, Axis>
                {
                    ["x"] = ChartStyle.ValueAxis("prediction", grid: false) with { Type = AxisType.Category, ShowLine = false, TickAngle = n > 6 ? -40 : null },
                    ["y"] = ChartStyle.ValueAxis("ground truth", grid: false) with { Type = AxisType.Category, ShowLine = false, AutoRange = AutoRange.Reversed, ScaleAnchor = "x" },
                },
            },
            Config = ChartStyle.Config("confusion"),
        };
    }

    // ColorBrewer's sequential Blues, white for 0% to dark blue for 100% (plotly's named "Blues" runs the other way).
    static readonly ColorScale Blues = ColorScale.FromStops(
        (0, "#f7fbff"), (0.125, "#deebf7"), (0.25, "#c6dbef"), (0.375, "#9ecae1"), (0.5, "#6baed6"),
        (0.625, "#4292c6"), (0.75, "#2171b5"), (0.875, "#08519c"), (1, "#08306b"));

    /// <summary>A title naming the evaluation a matrix belongs to.</summary>
    public static string TitleFor(EvalRecord eval) =>
        string.Create(CultureInfo.InvariantCulture, $"Confusion matrix at step {eval.Step} ({eval.Split})");
}
