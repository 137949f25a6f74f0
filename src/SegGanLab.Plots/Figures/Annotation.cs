namespace SegGanLab.Plots;

/// <summary>
/// A text label on the figure, optionally with an arrow to a point. Positions are in the
/// units of <see cref="XRef"/>/<see cref="YRef"/>: an axis id (<c>"x"</c>, <c>"y2"</c>), that
/// axis's domain (<c>"x domain"</c>, 0 to 1) or <c>"paper"</c> (the whole plotting area).
/// </summary>
public sealed record Annotation
{
    /// <summary>The label (a little HTML allowed).</summary>
    public string? Text { get; init; }

    /// <summary>x position.</summary>
    public double? X { get; init; }

    /// <summary>y position.</summary>
    public double? Y { get; init; }

    /// <summary>What <see cref="X"/> refers to.</summary>
    public string? XRef { get; init; }

    /// <summary>What <see cref="Y"/> refers to.</summary>
    public string? YRef { get; init; }

    /// <summary>Which point of the label sits at <see cref="X"/>.</summary>
    public XAnchor? XAnchor { get; init; }

    /// <summary>Which point of the label sits at <see cref="Y"/>.</summary>
    public YAnchor? YAnchor { get; init; }

    /// <summary>Whether an arrow points from the label to (x, y).</summary>
    public bool? ShowArrow { get; init; }

    /// <summary>Arrow head style, 0 to 8.</summary>
    public int? ArrowHead { get; init; }

    /// <summary>Label offset from the arrow tip in pixels, x.</summary>
    public double? Ax { get; init; }

    /// <summary>Label offset from the arrow tip in pixels, y (negative is up).</summary>
    public double? Ay { get; init; }

    /// <summary>The label font.</summary>
    public Font? Font { get; init; }

    /// <summary>The label's background colour.</summary>
    public string? BgColor { get; init; }
}
