using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SegGanLab.Plots;

/// <summary>
/// A figure's layout: title, size, axes (by plotly id in <see cref="Axes"/>), legend,
/// annotations and shapes. <see cref="Extra"/> carries plotly layout attributes the model does
/// not name.
/// </summary>
public sealed partial record Layout
{
    /// <summary>The figure title.</summary>
    public Title? Title { get; init; }

    /// <summary>Width in pixels; the container's when null.</summary>
    public double? Width { get; init; }

    /// <summary>Height in pixels (plotly's default is 450).</summary>
    public double? Height { get; init; }

    /// <summary>Space around the plotting area.</summary>
    public Margin? Margin { get; init; }

    /// <summary>The default font of every text.</summary>
    public Font? Font { get; init; }

    /// <summary>Whether the legend is drawn.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Legend placement and look.</summary>
    public Legend? Legend { get; init; }

    /// <summary>What hovering shows.</summary>
    public HoverMode? HoverMode { get; init; }

    /// <summary>How bars at one position combine.</summary>
    public BarMode? BarMode { get; init; }

    /// <summary>Gap between bars of neighbouring positions, 0 to 1.</summary>
    public double? BarGap { get; init; }

    /// <summary>An automatic subplot grid (instead of explicit axis domains).</summary>
    public Grid? Grid { get; init; }

    /// <summary>Text labels.</summary>
    public IReadOnlyList<Annotation>? Annotations { get; init; }

    /// <summary>Lines, rectangles and ellipses.</summary>
    public IReadOnlyList<Shape>? Shapes { get; init; }

    /// <summary>The default trace colours, in order.</summary>
    public IReadOnlyList<string>? Colorway { get; init; }

    /// <summary>Colour around the plotting area.</summary>
    [JsonPropertyName("paper_bgcolor")] public string? PaperBgColor { get; init; }

    /// <summary>Colour of the plotting area.</summary>
    [JsonPropertyName("plot_bgcolor")] public string? PlotBgColor { get; init; }

    /// <summary>
    /// The axes by plotly id: <c>"x"</c>, <c>"y"</c>, <c>"x2"</c>, <c>"y3"</c>, ... (written as
    /// <c>xaxis</c>, <c>yaxis3</c>); traces pick theirs with <see cref="Trace.XAxis"/>/<see cref="Trace.YAxis"/>.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, Axis>? Axes { get; init; }

    /// <summary>plotly layout attributes this model does not name, written under their plotly names.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, object>? Extra { get; init; }

    // System.Text.Json writes the axes and the extra attributes as top-level layout members.
    [JsonExtensionData, JsonInclude]
    internal IDictionary<string, object>? Members
    {
        get
        {
            if (Axes is null && Extra is null) return null;
            var members = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (id, axis) in Axes ?? new Dictionary<string, Axis>())
            {
                if (!AxisId().IsMatch(id))
                    throw new ArgumentException($"Layout axis id '{id}' is not a plotly axis id: use \"x\", \"y\", \"x2\", \"y3\", ...", nameof(Axes));
                members[id[0] + "axis" + id[1..]] = axis;
            }
            foreach (var (name, value) in Extra ?? new Dictionary<string, object>()) members[name] = value;
            return members;
        }
        init { }
    }

    [GeneratedRegex("^[xy]([2-9]|[1-9][0-9]+)?$")]
    private static partial Regex AxisId();
}
