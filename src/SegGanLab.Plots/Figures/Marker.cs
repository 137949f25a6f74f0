namespace SegGanLab.Plots;

/// <summary>Point markers of a scatter trace, or the bars of a bar trace.</summary>
public sealed record Marker
{
    /// <summary>One CSS colour, or one per point/bar.</summary>
    public OneOrMany<string>? Color { get; init; }

    /// <summary>Diameter in pixels, one or one per point (scatter only).</summary>
    public OneOrMany<double>? Size { get; init; }

    /// <summary>plotly symbol name (<c>"circle"</c>, <c>"square"</c>, <c>"star"</c>, ...) (scatter only).</summary>
    public string? Symbol { get; init; }

    /// <summary>Marker opacity, 0 to 1.</summary>
    public double? Opacity { get; init; }

    /// <summary>The marker's outline.</summary>
    public MarkerLine? Line { get; init; }
}

/// <summary>The outline of markers or bars.</summary>
public sealed record MarkerLine
{
    /// <summary>One CSS colour, or one per point/bar.</summary>
    public OneOrMany<string>? Color { get; init; }

    /// <summary>Width in pixels.</summary>
    public double? Width { get; init; }
}
