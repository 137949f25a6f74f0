namespace SegGanLab.Plots;

/// <summary>A plotly <c>scatter</c> trace: lines, markers or both (SVG).</summary>
public sealed record Scatter() : LegendTrace("scatter")
{
    /// <summary>x coordinates (numbers or categories).</summary>
    public DataArray? X { get; init; }

    /// <summary>y coordinates; nulls and NaN leave gaps.</summary>
    public DataArray? Y { get; init; }

    /// <summary>Lines, markers, text or a combination (<c>ScatterMode.Lines | ScatterMode.Markers</c>).</summary>
    public ScatterMode? Mode { get; init; }

    /// <summary>Line colour, width, dash and shape.</summary>
    public Line? Line { get; init; }

    /// <summary>Marker colour, size and symbol.</summary>
    public Marker? Marker { get; init; }

    /// <summary>Area fill (to zero, to the previous trace, ...).</summary>
    public Fill? Fill { get; init; }

    /// <summary>Fill colour; defaults to a translucent line colour.</summary>
    public string? FillColor { get; init; }

    /// <summary>Whether lines bridge null gaps.</summary>
    public bool? ConnectGaps { get; init; }

    /// <summary>Where <see cref="Trace.Text"/> labels sit when the mode includes text.</summary>
    public TextPosition? TextPosition { get; init; }
}
