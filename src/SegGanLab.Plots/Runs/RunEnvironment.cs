using System.Text.Json;

namespace SegGanLab.Plots;

/// <summary>
/// <c>env.json</c> as a flat list of entries in file order: nested objects become dotted keys
/// (<c>libtorch.version</c>), lists and other values their compact text.
/// </summary>
/// <param name="Entries">The key/value pairs.</param>
public sealed record RunEnvironment(IReadOnlyList<KeyValuePair<string, string>> Entries)
{
    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public string? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    internal static RunEnvironment Read(string path)
    {
        using var doc = JsonFields.ParseFile(path);
        var entries = new List<KeyValuePair<string, string>>();
        Flatten(JsonFields.Object(doc.RootElement, path), "", entries);
        return new RunEnvironment(entries);
    }

    static void Flatten(JsonElement obj, string prefix, List<KeyValuePair<string, string>> entries)
    {
        foreach (var p in obj.EnumerateObject())
        {
            var key = prefix + p.Name;
            if (p.Value.ValueKind == JsonValueKind.Object) Flatten(p.Value, key + ".", entries);
            else entries.Add(new(key, JsonFields.Display(p.Value)));
        }
    }
}
