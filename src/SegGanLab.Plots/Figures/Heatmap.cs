namespace SegGanLab.Plots;

/// <summary>A plotly <c>heatmap</c> trace: a matrix <see cref="Z"/> of cells coloured by a colour scale.</summary>
public sealed record Heatmap() : LegendTrace("heatmap")
{
    /// <summary>The cell values, row by row (row 0 at the bottom unless the y axis is reversed); nulls are gaps.</summary>
    public DataArray? Z { get; init; }

    /// <summary>Column labels or coordinates.</summary>
    public DataArray? X { get; init; }

    /// <summary>Row labels or coordinates.</summary>
    public DataArray? Y { get; init; }

    /// <summary>The colour scale: a named one (<c>"Blues"</c>) or explicit stops.</summary>
    public ColorScale? ColorScale { get; init; }

    /// <summary>Whether the scale runs the other way.</summary>
    public bool? ReverseScale { get; init; }

    /// <summary>The value mapped to the scale's first colour.</summary>
    public double? ZMin { get; init; }

    /// <summary>The value mapped to the scale's last colour.</summary>
    public double? ZMax { get; init; }

    /// <summary>Whether the colour bar is drawn.</summary>
    public bool? ShowScale { get; init; }

    /// <summary>Colour bar title, ticks and size.</summary>
    public ColorBar? ColorBar { get; init; }

    /// <summary>Cell label template, e.g. <c>"%{z:.1f}"</c>; labels pick a contrasting colour.</summary>
    public string? TextTemplate { get; init; }

    /// <summary>Cell label font.</summary>
    public Font? TextFont { get; init; }

    /// <summary>Horizontal gap between cells in pixels.</summary>
    public double? XGap { get; init; }

    /// <summary>Vertical gap between cells in pixels.</summary>
    public double? YGap { get; init; }

    /// <summary>Whether empty (null) cells show hover labels.</summary>
    public bool? HoverOnGaps { get; init; }
}
