namespace SegGanLab.Plots;

/// <summary>
/// A title of the figure, an axis, a legend or a colour bar. A string converts to one
/// (<c>Title = "loss"</c>); <see cref="X"/>/<see cref="XAnchor"/> apply to the figure title,
/// <see cref="Standoff"/> to axis titles.
/// </summary>
public sealed record Title
{
    /// <summary>The text; plotly accepts a little HTML (<c>&lt;b&gt;</c>, <c>&lt;br&gt;</c>, <c>&lt;sub&gt;</c>).</summary>
    public string? Text { get; init; }

    /// <summary>The title's font.</summary>
    public Font? Font { get; init; }

    /// <summary>Horizontal position of a figure title, 0 to 1 of the container.</summary>
    public double? X { get; init; }

    /// <summary>Which point of a figure title sits at <see cref="X"/>.</summary>
    public XAnchor? XAnchor { get; init; }

    /// <summary>Distance in pixels between an axis title and its tick labels.</summary>
    public double? Standoff { get; init; }

    /// <summary>A title with just this text.</summary>
    public static implicit operator Title(string text) => new() { Text = text };
}
