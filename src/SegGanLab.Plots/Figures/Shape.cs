namespace SegGanLab.Plots;

/// <summary>
/// A line, rectangle or ellipse drawn in the layout: reference lines (a mean), bands, frames.
/// Coordinates use <see cref="XRef"/>/<see cref="YRef"/> as annotations do.
/// </summary>
public sealed record Shape
{
    /// <summary>Line, rectangle or circle.</summary>
    public ShapeType? Type { get; init; }

    /// <summary>Start x.</summary>
    public double? X0 { get; init; }

    /// <summary>End x.</summary>
    public double? X1 { get; init; }

    /// <summary>Start y.</summary>
    public double? Y0 { get; init; }

    /// <summary>End y.</summary>
    public double? Y1 { get; init; }

    /// <summary>What the x coordinates refer to (<c>"x"</c>, <c>"x domain"</c>, <c>"paper"</c>).</summary>
    public string? XRef { get; init; }

    /// <summary>What the y coordinates refer to.</summary>
    public string? YRef { get; init; }

    /// <summary>The outline.</summary>
    public Line? Line { get; init; }

    /// <summary>Fill colour of a rectangle or circle.</summary>
    public string? FillColor { get; init; }

    /// <summary>Opacity, 0 to 1.</summary>
    public double? Opacity { get; init; }

    /// <summary>Below or above the traces.</summary>
    public ShapeLayer? Layer { get; init; }
}
