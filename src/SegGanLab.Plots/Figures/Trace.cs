using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

/// <summary>
/// What every plotly trace type shares. Derived records add their attributes; <see cref="Extra"/>
/// carries any plotly attribute the model does not name yet (written as given).
/// </summary>
public abstract record Trace
{
    /// <summary>Creates a trace of plotly type <paramref name="type"/> (<c>scatter</c>, <c>bar</c>, ...).</summary>
    protected Trace(string type) => Type = type;

    /// <summary>plotly's trace type.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; }

    /// <summary>The name in the legend and hover labels.</summary>
    public string? Name { get; init; }

    /// <summary>Shown, hidden, or only listed in the legend (click to show).</summary>
    public TraceVisibility? Visible { get; init; }

    /// <summary>Opacity of the whole trace, 0 to 1.</summary>
    public double? Opacity { get; init; }

    /// <summary>The x axis this trace is drawn on: <c>"x"</c> (default), <c>"x2"</c>, ...</summary>
    public string? XAxis { get; init; }

    /// <summary>The y axis this trace is drawn on: <c>"y"</c> (default), <c>"y2"</c>, ...</summary>
    public string? YAxis { get; init; }

    /// <summary>Hover label template, e.g. <c>"step %{x}: %{y:.3f}&lt;extra&gt;&lt;/extra&gt;"</c>.</summary>
    public string? HoverTemplate { get; init; }

    /// <summary>Which parts the default hover label shows; <see cref="Plots.HoverInfo.Skip"/> turns hover off.</summary>
    public HoverInfo? HoverInfo { get; init; }

    /// <summary>Text per point (hover or labels, depending on the trace).</summary>
    public DataArray? Text { get; init; }

    /// <summary>Extra values per point for <c>%{customdata[i]}</c> in hover templates.</summary>
    public DataArray? CustomData { get; init; }

    /// <summary>plotly attributes this model does not name, written under their plotly names.</summary>
    [JsonExtensionData]
    public IDictionary<string, object>? Extra { get; init; }
}

/// <summary>The trace types that appear in the legend (scatter, bar, heatmap; not image).</summary>
public abstract record LegendTrace : Trace
{
    /// <summary>Creates a legend-listed trace of plotly type <paramref name="type"/>.</summary>
    protected LegendTrace(string type) : base(type) { }

    /// <summary>Whether the trace has a legend entry.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Traces with the same group toggle together from the legend.</summary>
    public string? LegendGroup { get; init; }

    /// <summary>Legend order: lower ranks first (plotly's default is 1000).</summary>
    public double? LegendRank { get; init; }
}
