namespace SegGanLab.Plots;

/// <summary>
/// An x or y axis. Axes live in <see cref="Layout.Axes"/> under plotly's ids (<c>"x"</c>,
/// <c>"y2"</c>, ...); a second y axis on the right of the first is
/// <c>new Axis { Overlaying = "y", Side = Side.Right }</c>, and subplots are axes with
/// <see cref="Domain"/>s and <see cref="Anchor"/>s.
/// </summary>
public sealed record Axis
{
    /// <summary>The axis title.</summary>
    public Title? Title { get; init; }

    /// <summary>Linear, log, date or category; plotly guesses from the data when null.</summary>
    public AxisType? Type { get; init; }

    /// <summary>The shown range <c>[from, to]</c> (in log10 units on a log axis).</summary>
    public double[]? Range { get; init; }

    /// <summary>Fit the data, use <see cref="Range"/>, or fit and reverse.</summary>
    public AutoRange? AutoRange { get; init; }

    /// <summary>Which values an auto range must include.</summary>
    public RangeMode? RangeMode { get; init; }

    /// <summary>The part of the figure <c>[from, to]</c> (0 to 1) the axis spans: how subplots are laid out.</summary>
    public double[]? Domain { get; init; }

    /// <summary>The perpendicular axis this one is drawn against (<c>"y2"</c>), or <c>"free"</c>.</summary>
    public string? Anchor { get; init; }

    /// <summary>Draw on top of this axis's subplot (<c>"y"</c> for a secondary y axis).</summary>
    public string? Overlaying { get; init; }

    /// <summary>The side of the plot the axis is drawn on.</summary>
    public Side? Side { get; init; }

    /// <summary>Share zoom and range with this axis (<c>"x"</c>).</summary>
    public string? Matches { get; init; }

    /// <summary>Keep this axis's scale proportional to another's (<c>"x"</c>): square pixels for images.</summary>
    public string? ScaleAnchor { get; init; }

    /// <summary>Units of this axis per unit of the <see cref="ScaleAnchor"/> axis.</summary>
    public double? ScaleRatio { get; init; }

    /// <summary>Whether the axis is drawn at all.</summary>
    public bool? Visible { get; init; }

    /// <summary>Whether grid lines are drawn.</summary>
    public bool? ShowGrid { get; init; }

    /// <summary>Grid line colour.</summary>
    public string? GridColor { get; init; }

    /// <summary>Whether the zero line is drawn.</summary>
    public bool? ZeroLine { get; init; }

    /// <summary>Whether the axis line is drawn.</summary>
    public bool? ShowLine { get; init; }

    /// <summary>Whether tick labels are drawn.</summary>
    public bool? ShowTickLabels { get; init; }

    /// <summary>d3 format of tick labels (<c>".2f"</c>, <c>".1%"</c>, <c>"~s"</c>).</summary>
    public string? TickFormat { get; init; }

    /// <summary>How very large and small tick values are written (<see cref="Plots.ExponentFormat.E"/>: <c>2e-4</c>).</summary>
    public ExponentFormat? ExponentFormat { get; init; }

    /// <summary>Text after each tick label (<c>"%"</c>, <c>" dB"</c>).</summary>
    public string? TickSuffix { get; init; }

    /// <summary>Tick label angle in degrees.</summary>
    public double? TickAngle { get; init; }

    /// <summary>How ticks are placed; give a secondary axis <see cref="Plots.TickMode.Auto"/> for round tick values.</summary>
    public TickMode? TickMode { get; init; }

    /// <summary>Where ticks go (with <see cref="TickText"/>, their labels).</summary>
    public DataArray? TickVals { get; init; }

    /// <summary>Labels for <see cref="TickVals"/>.</summary>
    public DataArray? TickText { get; init; }

    /// <summary>Whether the margins grow to fit long tick labels.</summary>
    public bool? AutoMargin { get; init; }
}
