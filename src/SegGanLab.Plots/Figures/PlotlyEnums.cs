using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

// The small closed value sets of plotly.js attributes, written as plotly spells them
// (see PlotlyEnumConverterFactory): lower-cased names unless an attribute says otherwise.

/// <summary>A trace's <c>visible</c>: shown, hidden, or listed in the legend only.</summary>
public enum TraceVisibility
{
    /// <summary>Drawn (<c>true</c>).</summary>
    [PlotlyBoolean(true)] Visible,
    /// <summary>Not drawn and not in the legend (<c>false</c>).</summary>
    [PlotlyBoolean(false)] Hidden,
    /// <summary>Not drawn, but listed in the legend to be clicked on.</summary>
    LegendOnly,
}

/// <summary>A scatter trace's <c>mode</c> flags.</summary>
[Flags]
public enum ScatterMode
{
    /// <summary>Nothing drawn (<c>"none"</c>).</summary>
    None = 0,
    /// <summary>Lines between points.</summary>
    Lines = 1,
    /// <summary>A marker at each point.</summary>
    Markers = 2,
    /// <summary>The point's text.</summary>
    Text = 4,
}

/// <summary>A trace's <c>hoverinfo</c> flags.</summary>
[Flags]
public enum HoverInfo
{
    /// <summary>An empty hover label (<c>"none"</c>); hover events still fire.</summary>
    None = 0,
    /// <summary>The x value.</summary>
    X = 1,
    /// <summary>The y value.</summary>
    Y = 2,
    /// <summary>The z value.</summary>
    Z = 4,
    /// <summary>The point's text.</summary>
    Text = 8,
    /// <summary>The trace name.</summary>
    Name = 16,
    /// <summary>Everything (plotly's default).</summary>
    All = X | Y | Z | Text | Name,
    /// <summary>No hover label and no hover events.</summary>
    Skip = 64,
}

/// <summary>A line's dash pattern.</summary>
public enum Dash
{
    /// <summary>Unbroken.</summary>
    Solid,
    /// <summary>Dotted.</summary>
    Dot,
    /// <summary>Dashed.</summary>
    Dash,
    /// <summary>Long dashes.</summary>
    LongDash,
    /// <summary>Dash-dot.</summary>
    DashDot,
}

/// <summary>How a line joins its points.</summary>
public enum LineShape
{
    /// <summary>Straight segments.</summary>
    Linear,
    /// <summary>A smooth spline.</summary>
    Spline,
    /// <summary>Steps: horizontal, then vertical.</summary>
    Hv,
    /// <summary>Steps: vertical, then horizontal.</summary>
    Vh,
}

/// <summary>A scatter trace's area fill.</summary>
public enum Fill
{
    /// <summary>No fill.</summary>
    None,
    /// <summary>Down to y = 0.</summary>
    ToZeroY,
    /// <summary>To the previous trace's y values.</summary>
    ToNextY,
    /// <summary>The closed shape of the trace itself.</summary>
    ToSelf,
}

/// <summary>Bar or legend orientation.</summary>
public enum Orientation
{
    /// <summary>Vertical.</summary>
    V,
    /// <summary>Horizontal.</summary>
    H,
}

/// <summary>Where bar labels go.</summary>
public enum BarTextPosition
{
    /// <summary>Inside the bar.</summary>
    Inside,
    /// <summary>Past the bar's end.</summary>
    Outside,
    /// <summary>Inside if it fits, else outside.</summary>
    Auto,
    /// <summary>No labels.</summary>
    None,
}

/// <summary>Where scatter text labels go relative to their point.</summary>
public enum TextPosition
{
    /// <summary>Above.</summary>
    [JsonStringEnumMemberName("top center")] TopCenter,
    /// <summary>Below.</summary>
    [JsonStringEnumMemberName("bottom center")] BottomCenter,
    /// <summary>To the right.</summary>
    [JsonStringEnumMemberName("middle right")] MiddleRight,
    /// <summary>To the left.</summary>
    [JsonStringEnumMemberName("middle left")] MiddleLeft,
    /// <summary>Above and to the right.</summary>
    [JsonStringEnumMemberName("top right")] TopRight,
    /// <summary>Above and to the left.</summary>
    [JsonStringEnumMemberName("top left")] TopLeft,
}

/// <summary>An axis's scale.</summary>
public enum AxisType
{
    /// <summary>Linear numbers.</summary>
    Linear,
    /// <summary>Logarithmic.</summary>
    Log,
    /// <summary>Dates and times.</summary>
    Date,
    /// <summary>Named categories, in the order first seen.</summary>
    Category,
}

/// <summary>An axis's <c>autorange</c>: on, off (use the range), or on and reversed.</summary>
public enum AutoRange
{
    /// <summary>Fit the data (<c>true</c>).</summary>
    [PlotlyBoolean(true)] On,
    /// <summary>Use the axis's range (<c>false</c>).</summary>
    [PlotlyBoolean(false)] Off,
    /// <summary>Fit the data, largest value first (y axes: top to bottom).</summary>
    Reversed,
}

/// <summary>Which values an auto-ranged axis must include.</summary>
public enum RangeMode
{
    /// <summary>The data only.</summary>
    Normal,
    /// <summary>The data and zero.</summary>
    ToZero,
    /// <summary>Never below zero.</summary>
    NonNegative,
}

/// <summary>The side an axis or colour bar sits on.</summary>
public enum Side
{
    /// <summary>Left.</summary>
    Left,
    /// <summary>Right.</summary>
    Right,
    /// <summary>Top.</summary>
    Top,
    /// <summary>Bottom.</summary>
    Bottom,
}

/// <summary>Horizontal anchoring of a legend, title or annotation.</summary>
public enum XAnchor
{
    /// <summary>plotly decides.</summary>
    Auto,
    /// <summary>The left edge is at x.</summary>
    Left,
    /// <summary>The centre is at x.</summary>
    Center,
    /// <summary>The right edge is at x.</summary>
    Right,
}

/// <summary>Vertical anchoring of a legend, title or annotation.</summary>
public enum YAnchor
{
    /// <summary>plotly decides.</summary>
    Auto,
    /// <summary>The top edge is at y.</summary>
    Top,
    /// <summary>The middle is at y.</summary>
    Middle,
    /// <summary>The bottom edge is at y.</summary>
    Bottom,
}

/// <summary>The layout's <c>hovermode</c>.</summary>
public enum HoverMode
{
    /// <summary>The nearest point.</summary>
    Closest,
    /// <summary>Every trace at the hovered x, one label each.</summary>
    X,
    /// <summary>Every trace at the hovered y, one label each.</summary>
    Y,
    /// <summary>Every trace at the hovered x in one shared label.</summary>
    [JsonStringEnumMemberName("x unified")] XUnified,
    /// <summary>No hover labels.</summary>
    [PlotlyBoolean(false)] Off,
}

/// <summary>How bars at the same position combine.</summary>
public enum BarMode
{
    /// <summary>Side by side.</summary>
    Group,
    /// <summary>Stacked.</summary>
    Stack,
    /// <summary>On top of each other.</summary>
    Overlay,
    /// <summary>Stacked, negatives below zero.</summary>
    Relative,
}

/// <summary>A layout shape's kind.</summary>
public enum ShapeType
{
    /// <summary>A line from (x0, y0) to (x1, y1).</summary>
    Line,
    /// <summary>A rectangle with corners (x0, y0) and (x1, y1).</summary>
    Rect,
    /// <summary>An ellipse in that rectangle.</summary>
    Circle,
}

/// <summary>Whether a shape is drawn below or above the traces.</summary>
public enum ShapeLayer
{
    /// <summary>Below the traces.</summary>
    Below,
    /// <summary>Above the traces.</summary>
    Above,
}

/// <summary>How legend symbols are sized.</summary>
public enum ItemSizing
{
    /// <summary>As the trace's markers.</summary>
    Trace,
    /// <summary>All the same size, whatever the markers.</summary>
    Constant,
}

/// <summary>How a <see cref="Grid"/> assigns axes to cells.</summary>
public enum GridPattern
{
    /// <summary>Each cell has its own x/y pair.</summary>
    Independent,
    /// <summary>One x axis per column, one y axis per row.</summary>
    Coupled,
}

/// <summary>Which row of a <see cref="Grid"/> comes first.</summary>
public enum GridRowOrder
{
    /// <summary>The first row is the top one.</summary>
    [JsonStringEnumMemberName("top to bottom")] TopToBottom,
    /// <summary>The first row is the bottom one.</summary>
    [JsonStringEnumMemberName("bottom to top")] BottomToTop,
}

/// <summary>How an axis writes very large and very small tick values.</summary>
public enum ExponentFormat
{
    /// <summary>Plain digits.</summary>
    None,
    /// <summary><c>2e-4</c>: the usual way to write learning rates.</summary>
    [JsonStringEnumMemberName("e")] E,
    /// <summary><c>2×10⁻⁴</c>.</summary>
    Power,
    /// <summary>SI prefixes: <c>200µ</c>.</summary>
    [JsonStringEnumMemberName("SI")] SI,
    /// <summary>SI prefixes with <c>B</c> for billions (plotly's default).</summary>
    [JsonStringEnumMemberName("B")] B,
}

/// <summary>How an axis places its ticks.</summary>
public enum TickMode
{
    /// <summary>Round values chosen for the range.</summary>
    Auto,
    /// <summary>Every <c>dtick</c> from <c>tick0</c>.</summary>
    Linear,
    /// <summary>At <see cref="Axis.TickVals"/>.</summary>
    Array,
    /// <summary>Aligned with the ticks of the axis it overlays (plotly's default for overlaying axes: odd values).</summary>
    Sync,
}
