using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

/// <summary>
/// A plotly.js figure: traces, a layout and a config. Serialises to exactly what
/// <c>Plotly.newPlot(div, data, layout, config)</c> takes, as one object <c>{data, layout, config}</c>.
/// </summary>
/// <example><code>
/// var figure = new Figure
/// {
///     Data = [new Scatter { X = new[] { 1.0, 2, 3 }, Y = new[] { 0.5, 0.3, 0.2 }, Name = "loss" }],
///     Layout = new Layout { Title = "Training loss", Axes = new Dictionary&lt;string, Axis&gt; { ["x"] = new() { Title = "step" } } },
/// };
/// string json = figure.ToJson();
/// </code></example>
public sealed record Figure
{
    /// <summary>The traces, drawn in order (later ones on top).</summary>
    public IReadOnlyList<Trace> Data { get; init; } = [];

    /// <summary>Titles, axes, legend, annotations and shapes.</summary>
    public Layout Layout { get; init; } = new();

    /// <summary>Viewer options (mode bar, responsiveness); plotly's defaults when null.</summary>
    public Config? Config { get; init; }

    /// <summary>The figure as plotly JSON text: <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    public string ToJson() => PlotlyJson.Serialize(this);

    /// <summary>The figure as a JSON tree (what a notebook MIME bundle carries).</summary>
    public JsonObject ToJsonObject() => PlotlyJson.ToNode(this);

    /// <summary>The figure's title text, if its layout has one.</summary>
    [JsonIgnore]
    public string? TitleText => Layout.Title?.Text;
}
