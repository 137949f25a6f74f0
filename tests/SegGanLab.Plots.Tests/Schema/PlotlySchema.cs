using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SegGanLab.Plots.Tests.Schema;

/// <summary>
/// Checks figure JSON against the part of plotly.js's own attribute schema that
/// tests/golden/plotly_schema.py extracted: every attribute must exist for its trace type or
/// layout object, and its value must fit the attribute's valType (numbers in range, enumerated
/// values, flag lists, subplot ids, colours, info arrays, arrays where arrayOk).
/// </summary>
sealed partial class PlotlySchema
{
    readonly JsonObject _schema;

    PlotlySchema(JsonObject schema) => _schema = schema;

    public static PlotlySchema Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "plotly-schema.json")))!.AsObject());

    public string PlotlyVersion => (string)_schema["plotly_version"]!;

    /// <summary>Every problem in a figure <c>{data, layout, config}</c>, as <c>path: message</c>.</summary>
    public List<string> Validate(JsonObject figure)
    {
        var errors = new List<string>();
        var layoutSchema = new JsonObject();
        foreach (var (k, v) in _schema["layout"]!.AsObject()) layoutSchema[k] = v!.DeepClone();
        var traces = figure["data"]?.AsArray() ?? [];
        for (var i = 0; i < traces.Count; i++)
        {
            var trace = traces[i]!.AsObject();
            var type = (string?)trace["type"] ?? "scatter";
            if (_schema["traces"]![type] is not JsonObject traceSchema) { errors.Add($"data[{i}].type: '{type}' is not in the extracted schema"); continue; }
            CheckObject(trace, traceSchema["attributes"]!.AsObject(), $"data[{i}]", errors);
            foreach (var (k, v) in traceSchema["layoutAttributes"]!.AsObject()) layoutSchema[k] = v!.DeepClone();
        }
        if (figure["layout"] is JsonObject layout) CheckObject(layout, layoutSchema, "layout", errors);
        if (figure["config"] is JsonObject config) CheckObject(config, _schema["config"]!.AsObject(), "config", errors);
        return errors;
    }

    void CheckObject(JsonObject value, JsonObject schema, string path, List<string> errors)
    {
        foreach (var (key, child) in value)
        {
            var attribute = schema[key] ?? schema[SubplotBase().Replace(key, "$1")];
            if (attribute is JsonValue constant && key == "type")
            {
                // A trace schema gives its own type name as a plain string.
                if (!JsonNode.DeepEquals(constant, child)) errors.Add($"{path}.type: expected {constant.ToJsonString()}");
                continue;
            }
            if (attribute is not JsonObject a || key.StartsWith('_') || key == "role") { errors.Add($"{path}.{key}: no such plotly attribute"); continue; }
            Check(child, a, $"{path}.{key}", errors);
        }
    }

    void Check(JsonNode? value, JsonObject attribute, string path, List<string> errors)
    {
        if (attribute["valType"] is null)
        {
            if (attribute["items"] is JsonObject items)
            {
                var item = items.Single().Value!.AsObject();
                if (value is not JsonArray array) { errors.Add($"{path}: expected an array of objects"); return; }
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is JsonObject o) CheckObject(o, item, $"{path}[{i}]", errors);
                    else errors.Add($"{path}[{i}]: expected an object");
                return;
            }
            if (value is JsonObject obj) CheckObject(obj, attribute, path, errors);
            else errors.Add($"{path}: expected an object, got {value?.ToJsonString() ?? "null"}");
            return;
        }
        if (value is null) return; // plotly reads null as "not set" (and as gaps inside data arrays).
        var arrayOk = (bool?)attribute["arrayOk"] ?? false;
        if (arrayOk && value is JsonArray many && (string)attribute["valType"]! != "info_array")
        {
            foreach (var item in many) if (item is not null) CheckScalar(item, attribute, path, errors);
            return;
        }
        CheckScalar(value, attribute, path, errors);
    }

    void CheckScalar(JsonNode value, JsonObject attribute, string path, List<string> errors)
    {
        var valType = (string)attribute["valType"]!;
        var ok = valType switch
        {
            "any" => true,
            "data_array" => value is JsonArray,
            "boolean" => IsBoolean(value),
            "number" => IsNumber(value, attribute, integer: false) || IsExtra(value, attribute),
            "integer" => IsNumber(value, attribute, integer: true) || IsExtra(value, attribute),
            "angle" => IsNumber(value, attribute, integer: false) || value.ToJsonString() == "\"auto\"",
            "string" => value is JsonValue && value.GetValueKind() == JsonValueKind.String,
            "color" => IsColor(value),
            "colorlist" => value is JsonArray list && list.All(c => c is not null && IsColor(c)),
            "colorscale" => IsColorScale(value),
            "enumerated" => IsEnumerated(value, attribute["values"]!.AsArray()),
            "flaglist" => IsFlagList(value, attribute),
            "subplotid" => value.GetValueKind() == JsonValueKind.String
                           && Regex.IsMatch((string)value!, $"^{Regex.Escape((string)attribute["dflt"]!)}([2-9]|[1-9][0-9]+)?$"),
            "info_array" => IsInfoArray(value, attribute, path, errors),
            _ => false,
        };
        if (!ok) errors.Add($"{path}: {value.ToJsonString()} is not a valid {valType}{Describe(attribute)}");
    }

    static bool IsBoolean(JsonNode value) => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    static bool IsNumber(JsonNode value, JsonObject attribute, bool integer)
    {
        if (value.GetValueKind() != JsonValueKind.Number) return false;
        var x = value.GetValue<double>();
        if (integer && x != Math.Floor(x)) return false;
        return (attribute["min"] is null || x >= (double)attribute["min"]!) && (attribute["max"] is null || x <= (double)attribute["max"]!);
    }

    static bool IsExtra(JsonNode value, JsonObject attribute) =>
        attribute["extras"] is JsonArray extras && extras.Any(e => JsonNode.DeepEquals(e, value));

    static bool IsEnumerated(JsonNode value, JsonArray values) => values.Any(v =>
        JsonNode.DeepEquals(v, value)
        || (v?.GetValueKind() == JsonValueKind.String && ((string)v!).StartsWith('/') && ((string)v!).EndsWith('/')
            && value.GetValueKind() == JsonValueKind.String && Regex.IsMatch((string)value!, ((string)v!)[1..^1])));

    static bool IsFlagList(JsonNode value, JsonObject attribute)
    {
        if (IsExtra(value, attribute)) return true;
        if (value.GetValueKind() != JsonValueKind.String) return false;
        var text = (string)value!;
        var flags = attribute["flags"]!.AsArray().Select(f => (string)f!).ToHashSet();
        var parts = text.Split('+');
        return parts.All(flags.Contains) && parts.Distinct().Count() == parts.Length;
    }

    static bool IsColorScale(JsonNode value) => value switch
    {
        JsonArray stops => stops.Count >= 2 && stops.All(s => s is JsonArray { Count: 2 } pair && IsNumber(pair[0]!, new JsonObject(), false) && IsColor(pair[1]!)),
        _ => value.GetValueKind() == JsonValueKind.String && ColorScaleNames.Contains((string)value!),
    };

    bool IsInfoArray(JsonNode value, JsonObject attribute, string path, List<string> errors)
    {
        if (value is not JsonArray array) return false;
        if (attribute["items"] is JsonArray positional)
        {
            if (array.Count > positional.Count) return false;
            for (var i = 0; i < array.Count; i++) Check(array[i], positional[i]!.AsObject(), $"{path}[{i}]", errors);
            return true;
        }
        var item = attribute["items"]!.AsObject();
        for (var i = 0; i < array.Count; i++) Check(array[i], item, $"{path}[{i}]", errors);
        return true;
    }

    static bool IsColor(JsonNode value)
    {
        if (value.GetValueKind() != JsonValueKind.String) return false;
        var text = ((string)value!).Trim();
        return CssColor().IsMatch(text) || NamedColors.Contains(text);
    }

    static string Describe(JsonObject attribute)
    {
        var parts = new List<string>();
        if (attribute["values"] is JsonArray v) parts.Add("values " + v.ToJsonString());
        if (attribute["flags"] is JsonArray f) parts.Add("flags " + f.ToJsonString());
        if (attribute["min"] is { } min) parts.Add("min " + min.ToJsonString());
        if (attribute["max"] is { } max) parts.Add("max " + max.ToJsonString());
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    // plotly's named colour scales (src/components/colorscale/scales.js).
    static readonly HashSet<string> ColorScaleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Greys", "YlGnBu", "Greens", "YlOrRd", "Bluered", "RdBu", "Reds", "Blues", "Picnic", "Rainbow",
        "Portland", "Jet", "Hot", "Blackbody", "Earth", "Electric", "Viridis", "Cividis",
    };

    static readonly HashSet<string> NamedColors = new(StringComparer.OrdinalIgnoreCase)
    {
        "black", "white", "gray", "grey", "red", "green", "blue", "orange", "transparent", "lightgray", "lightgrey", "darkgray", "darkgrey",
    };

    [GeneratedRegex(@"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(,\s*[\d.]+\s*)?\))$")]
    private static partial Regex CssColor();

    // xaxis2, yaxis13, legend2: plotly's numbered copies of a subplot object.
    [GeneratedRegex(@"^(xaxis|yaxis|legend)([2-9]|[1-9][0-9]+)$")]
    private static partial Regex SubplotBase();
}
