using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

/// <summary>
/// The System.Text.Json settings that write the figure model as plotly.js's JSON: attribute
/// names in plotly's lower case, nulls omitted, enums as plotly's strings, non-finite numbers as
/// null (plotly's gap).
/// </summary>
public static class PlotlyJson
{
    /// <summary>The shared serializer options; read-only once first used.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises any part of the figure model (a figure, a trace, a layout) to plotly JSON text.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Serialises a part of the figure model to a mutable JSON tree.</summary>
    public static JsonObject ToNode<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options) as JsonObject
        ?? throw new ArgumentException($"{typeof(T).Name} does not serialise to a JSON object.", nameof(value));

    /// <summary>
    /// Makes JSON text safe inside an HTML <c>&lt;script&gt;</c> element: every <c>&lt;</c> (only
    /// ever inside strings in JSON) becomes <c>\u003c</c>, so no <c>&lt;/script&gt;</c> or
    /// <c>&lt;!--</c> can end the element early; JSON.parse and JavaScript read it unchanged.
    /// </summary>
    public static string ForScriptElement(string json) => json.Replace("<", "\\u003c", StringComparison.Ordinal);

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = LowerCaseNamingPolicy.Instance,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Relaxed: data URIs and hover templates stay readable; HTML embedding goes through ForScriptElement.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new PlotlyEnumConverterFactory(), new TraceConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>plotly.js spells attributes as one lower-case word: <c>ShowLegend</c> becomes <c>showlegend</c>.</summary>
sealed class LowerCaseNamingPolicy : JsonNamingPolicy
{
    public static LowerCaseNamingPolicy Instance { get; } = new();

    public override string ConvertName(string name) => name.ToLowerInvariant();
}
