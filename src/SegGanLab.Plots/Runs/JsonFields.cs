using System.Globalization;
using System.Text.Json;

namespace SegGanLab.Plots;

/// <summary>
/// Reading the run folder's JSON with errors that name the file (and line) and the field. Numbers
/// may be null or the strings "NaN", "Infinity", "-Infinity" (what .NET writes for non-finite
/// values); all of those read as NaN or the infinity.
/// </summary>
static class JsonFields
{
    public static JsonDocument ParseFile(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new RunFolderException($"{path} is not valid JSON ({e.Message}); it should be written by the training engine as docs/run-folder.md describes.", e);
        }
    }

    public static JsonElement Object(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new RunFolderException($"{where}: expected a JSON object, got {element.ValueKind.ToString().ToLowerInvariant()}.");
        return element;
    }

    public static bool TryGet(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public static double Number(JsonElement value, string where) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) => x,
        _ => throw new RunFolderException($"{where}: expected a number, got {value.GetRawText()}."),
    };

    public static double OptionalNumber(JsonElement obj, string name, string where) =>
        TryGet(obj, name, out var v) ? Number(v, $"{where} \"{name}\"") : double.NaN;

    public static long Step(JsonElement obj, string where)
    {
        if (!TryGet(obj, "step", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var step) || step < 0)
            throw new RunFolderException($"{where}: needs a non-negative integer \"step\" (the global optimisation step).");
        return step;
    }

    public static string? OptionalString(JsonElement obj, string name, string where)
    {
        if (!TryGet(obj, name, out var v)) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new RunFolderException($"{where}: \"{name}\" should be a string, got {v.GetRawText()}.");
    }

    /// <summary>An object of name to number (<c>"losses"</c>, <c>"lr"</c>, <c>"metrics"</c>), in file order.</summary>
    public static IReadOnlyDictionary<string, double> NumberMap(JsonElement obj, string name, string where)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!TryGet(obj, name, out var v)) return map;
        foreach (var p in Object(v, $"{where} \"{name}\"").EnumerateObject()) map[p.Name] = Number(p.Value, $"{where} \"{name}.{p.Name}\"");
        return map;
    }

    /// <summary>A JSON value as a person reads it: strings without quotes, everything else as compact JSON.</summary>
    public static string Display(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Undefined => "",
        _ => JsonSerializer.Serialize(value),
    };
}
