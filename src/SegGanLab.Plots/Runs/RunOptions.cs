using System.Text.Json;

namespace SegGanLab.Plots;

/// <summary>
/// <c>options.json</c>: the recipe, run name, seed and every option with its value and default,
/// in file order.
/// </summary>
/// <param name="Recipe">The recipe (<c>gan</c>, <c>semi</c>, <c>deblur</c>, ...), if given.</param>
/// <param name="Name">The run name, if given.</param>
/// <param name="Seed">The seed, if given.</param>
/// <param name="Options">Every option.</param>
public sealed record RunOptions(string? Recipe, string? Name, long? Seed, IReadOnlyList<RunOption> Options)
{
    /// <summary>The options whose value differs from their default.</summary>
    public IEnumerable<RunOption> Changed => Options.Where(o => o.Differs);

    internal static RunOptions Read(string path)
    {
        using var doc = JsonFields.ParseFile(path);
        var root = JsonFields.Object(doc.RootElement, path);
        long? seed = JsonFields.TryGet(root, "seed", out var s) && s.TryGetInt64(out var v) ? v : null;
        var options = new List<RunOption>();
        if (JsonFields.TryGet(root, "options", out var all))
            foreach (var p in JsonFields.Object(all, $"{path} \"options\"").EnumerateObject())
                options.Add(RunOption.From(p.Name, p.Value));
        return new RunOptions(JsonFields.OptionalString(root, "recipe", path), JsonFields.OptionalString(root, "name", path), seed, options);
    }
}

/// <summary>One option: its value and, when known, its default.</summary>
/// <param name="Name">The option name.</param>
/// <param name="Value">The value the run used.</param>
/// <param name="Default">The recipe's default, or null when the file does not say.</param>
public sealed record RunOption(string Name, JsonElement Value, JsonElement? Default)
{
    /// <summary>Whether the value differs from a known default (pix2pix's "[default: ...]" mark).</summary>
    public bool Differs => Default is { } d && !JsonElement.DeepEquals(Value, d);

    /// <summary>The value as text: strings bare, everything else as compact JSON.</summary>
    public string ValueText => JsonFields.Display(Value);

    /// <summary>The default as text, or empty when unknown.</summary>
    public string DefaultText => Default is { } d ? JsonFields.Display(d) : "";

    // {"value": v, "default": d} per the contract; a bare value is read as a value without a known default.
    internal static RunOption From(string name, JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("value", out var value)
            ? new RunOption(name, value.Clone(), entry.TryGetProperty("default", out var d) ? d.Clone() : null)
            : new RunOption(name, entry.Clone(), null);
}
