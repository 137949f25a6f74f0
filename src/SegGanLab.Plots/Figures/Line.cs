namespace SegGanLab.Plots;

/// <summary>A trace's or shape's line: colour, width, dash.</summary>
public sealed record Line
{
    /// <summary>CSS colour (<c>"#1f77b4"</c>, <c>"rgba(0,0,0,0.3)"</c>).</summary>
    public string? Color { get; init; }

    /// <summary>Width in pixels.</summary>
    public double? Width { get; init; }

    /// <summary>Dash pattern.</summary>
    public Dash? Dash { get; init; }

    /// <summary>How points are joined (scatter traces only).</summary>
    public LineShape? Shape { get; init; }
}
