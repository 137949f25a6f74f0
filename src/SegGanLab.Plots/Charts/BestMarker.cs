namespace SegGanLab.Plots;

/// <summary>The star that marks the best point of a metric curve, the same in every chart.</summary>
static class BestMarker
{
    /// <summary>The index of the highest finite value (the first of equals), or null when none is finite.</summary>
    public static int? IndexOf(IReadOnlyList<double> values)
    {
        int? best = null;
        for (var i = 0; i < values.Count; i++)
            if (double.IsFinite(values[i]) && (best is null || values[i] > values[best.Value])) best = i;
        return best;
    }

    /// <summary>A one-point star trace at (x, y), toggled with its curve's legend group.</summary>
    public static Scatter Star(double x, double y, string color, string name, string legendGroup, string hoverTemplate) => new()
    {
        X = new[] { x }, Y = new[] { y }, Name = name, LegendGroup = legendGroup, ShowLegend = false, Mode = ScatterMode.Markers,
        Marker = new Marker { Symbol = "star", Size = 14, Color = color, Line = new MarkerLine { Color = "#ffffff", Width = 1 } },
        HoverTemplate = hoverTemplate,
    };
}
