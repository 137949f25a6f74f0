namespace SegGanLab.Plots;

/// <summary>A plotly <c>bar</c> trace: vertical bars by default, horizontal with <see cref="Orientation"/> <c>H</c>.</summary>
public sealed record Bar() : LegendTrace("bar")
{
    /// <summary>Bar positions (categories) for vertical bars, lengths for horizontal ones.</summary>
    public DataArray? X { get; init; }

    /// <summary>Bar lengths for vertical bars, positions for horizontal ones; nulls leave a gap.</summary>
    public DataArray? Y { get; init; }

    /// <summary>Vertical (<c>V</c>, default) or horizontal (<c>H</c>).</summary>
    public Orientation? Orientation { get; init; }

    /// <summary>Bar colours (one or one per bar) and outlines.</summary>
    public Marker? Marker { get; init; }

    /// <summary>Bar label template, e.g. <c>"%{y:.1f}%"</c>.</summary>
    public string? TextTemplate { get; init; }

    /// <summary>Where bar labels go.</summary>
    public BarTextPosition? TextPosition { get; init; }

    /// <summary>Bar width in axis units (one or one per bar).</summary>
    public OneOrMany<double>? Width { get; init; }
}
