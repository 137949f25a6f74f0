namespace SegGanLab.Plots;

/// <summary>The colour bar beside a heatmap.</summary>
public sealed record ColorBar
{
    /// <summary>The bar's title.</summary>
    public Title? Title { get; init; }

    /// <summary>d3 format of the tick labels (<c>".0f"</c>).</summary>
    public string? TickFormat { get; init; }

    /// <summary>Text after each tick label (<c>"%"</c>).</summary>
    public string? TickSuffix { get; init; }

    /// <summary>Length as a fraction of the plot height.</summary>
    public double? Len { get; init; }

    /// <summary>Thickness in pixels.</summary>
    public double? Thickness { get; init; }

    /// <summary>Horizontal position (fraction of the plot width; 1.02 is just right of it).</summary>
    public double? X { get; init; }
}
