using System.Globalization;
using System.Net;
using System.Text;
using SegGanLab.Plots;

namespace SegGanLab.Kernel;

/// <summary>
/// A small inline SVG of the loss curves for the live training display: each side's total
/// (<c>G/total</c>, <c>D/total</c>, ...; every term when a run logs no totals), averaged into at
/// most <see cref="Buckets"/> points so a long run stays a few kilobytes. No script and no
/// plotly.js: it draws the same in every frontend and in a saved notebook.
/// </summary>
internal static class LossSparkline
{
    const int Buckets = 120;
    const int Width = 360;
    const int Height = 96;
    const int Pad = 4;
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The SVG of <paramref name="history"/>, or an empty string with fewer than two steps.</summary>
    public static string Svg(IReadOnlyList<TrainRecord> history)
    {
        if (history.Count < 2) return "";
        var names = history.SelectMany(r => r.Losses.Keys).Distinct().ToList();
        var shown = names.Where(n => n.EndsWith("/total", StringComparison.Ordinal)).ToList();
        if (shown.Count == 0) shown = names;
        var series = shown.Select(n => (Name: n, Points: Bucketed(history, n))).Where(s => s.Points.Count > 1).ToList();
        if (series.Count == 0) return "";
        var values = series.SelectMany(s => s.Points.Select(p => p.Value)).ToList();
        var (low, high) = (values.Min(), values.Max());
        if (high - low < 1e-12) (low, high) = (low - 0.5, high + 0.5);
        var (first, last) = (history[0].Step, Math.Max(history[^1].Step, history[0].Step + 1));

        var svg = new StringBuilder(string.Create(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"losses\">"));
        svg.Append(string.Create(Inv, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"none\" stroke=\"#ccc\"/>"));
        for (var i = 0; i < series.Count; i++)
        {
            var coordinates = series[i].Points.Select(p => string.Create(Inv,
                $"{Pad + (Width - 2 * Pad) * (p.Step - first) / (double)(last - first):0.#},{Pad + (Height - 2 * Pad) * (high - p.Value) / (high - low):0.#}"));
            svg.Append($"<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"{ChartStyle.TraceColor(i)}\" points=\"{string.Join(" ", coordinates)}\"><title>{WebUtility.HtmlEncode(series[i].Name)}</title></polyline>");
        }
        svg.Append(string.Create(Inv, $"<text x=\"{Width - Pad}\" y=\"12\" font-size=\"10\" text-anchor=\"end\" fill=\"#666\">{high:0.###}</text>"));
        // Losses mostly fall: the top-right and bottom-left corners are where the curves are not.
        svg.Append(string.Create(Inv, $"<text x=\"{Pad}\" y=\"{Height - Pad}\" font-size=\"10\" fill=\"#666\">{low:0.###}</text>"));
        svg.Append("</svg>");
        var legend = string.Join(" ", series.Select((s, i) => $"<span style=\"color:{ChartStyle.TraceColor(i)}\">&#9632;</span> {WebUtility.HtmlEncode(s.Name)}"));
        return $"<div>{svg}</div><div style=\"font-size:0.85em\">{legend}</div>";
    }

    /// <summary>The finite values of <paramref name="name"/>, averaged over equal step ranges.</summary>
    static List<(double Step, double Value)> Bucketed(IReadOnlyList<TrainRecord> history, string name)
    {
        var points = new List<(double Step, double Value)>();
        var size = Math.Max(1, (history.Count + Buckets - 1) / Buckets);
        for (var start = 0; start < history.Count; start += size)
        {
            double steps = 0, sum = 0;
            var n = 0;
            for (var i = start; i < Math.Min(history.Count, start + size); i++)
            {
                if (!history[i].Losses.TryGetValue(name, out var v) || !double.IsFinite(v)) continue;
                (steps, sum, n) = (steps + history[i].Step, sum + v, n + 1);
            }
            if (n > 0) points.Add((steps / n, sum / n));
        }
        return points;
    }
}
