namespace SegGanLab.Plots;

/// <summary>The legend's placement and look.</summary>
public sealed record Legend
{
    /// <summary>Vertical list (default) or a horizontal row.</summary>
    public Orientation? Orientation { get; init; }

    /// <summary>Horizontal position, as a fraction of the plot width (may lie outside 0..1).</summary>
    public double? X { get; init; }

    /// <summary>Vertical position, as a fraction of the plot height.</summary>
    public double? Y { get; init; }

    /// <summary>Which point of the legend sits at <see cref="X"/>.</summary>
    public XAnchor? XAnchor { get; init; }

    /// <summary>Which point of the legend sits at <see cref="Y"/>.</summary>
    public YAnchor? YAnchor { get; init; }

    /// <summary>A title above the entries.</summary>
    public Title? Title { get; init; }

    /// <summary>plotly's <c>traceorder</c>: <c>"normal"</c>, <c>"reversed"</c>, <c>"grouped"</c> or <c>"reversed+grouped"</c>.</summary>
    public string? TraceOrder { get; init; }

    /// <summary>Whether symbols follow the markers' sizes or are all alike.</summary>
    public ItemSizing? ItemSizing { get; init; }

    /// <summary>Background colour.</summary>
    public string? BgColor { get; init; }

    /// <summary>Entry font.</summary>
    public Font? Font { get; init; }
}
