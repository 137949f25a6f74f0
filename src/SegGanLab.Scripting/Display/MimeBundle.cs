using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SegGanLab.Scripting;

/// <summary>
/// One value rendered in several MIME types, as Jupyter's display messages carry it: text
/// types hold strings (binary types such as <c>image/png</c> hold base64), JSON types such as
/// <c>application/json</c> or <c>application/vnd.plotly.v1+json</c> hold a <see cref="JsonNode"/>.
/// Formatters return one; <see cref="Formatter.Format"/> guarantees <c>text/plain</c>.
/// </summary>
public sealed partial class MimeBundle
{
    /// <summary>The MIME type every bundle carries.</summary>
    public const string TextPlain = "text/plain";

    readonly OrderedDictionary<string, object> _data = new(StringComparer.Ordinal);

    /// <summary>A bundle with only <c>text/plain</c>.</summary>
    public static MimeBundle Text(string text) => new MimeBundle().Add(TextPlain, text);

    /// <summary>The representations by MIME type, in the order they were added.</summary>
    public IReadOnlyDictionary<string, object> Data => _data;

    /// <summary>Per-bundle metadata (e.g. <c>{"image/png": {"width": 320}}</c>).</summary>
    public JsonObject Metadata { get; } = new();

    /// <summary>
    /// True when the <c>text/html</c> draws with plotly.js and expects the page to have it
    /// (<c>window.Plotly</c>); a notebook host loads plotly.js into the page once for such outputs.
    /// </summary>
    public bool UsesPlotlyJs { get; set; }

    /// <summary>The <c>text/plain</c> representation, or an empty string when there is none yet.</summary>
    public string PlainText => _data.TryGetValue(TextPlain, out var v) && v is string s ? s : "";

    /// <summary>True when the bundle has a representation of <paramref name="mimeType"/>.</summary>
    public bool Contains(string mimeType) => _data.ContainsKey(mimeType);

    /// <summary>Adds (or replaces) a text representation; base64 for binary types.</summary>
    /// <exception cref="ArgumentException">When <paramref name="mimeType"/> is not of the form <c>type/subtype</c>.</exception>
    public MimeBundle Add(string mimeType, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _data[Check(mimeType)] = content;
        return this;
    }

    /// <summary>Adds (or replaces) a JSON representation.</summary>
    /// <exception cref="ArgumentException">When <paramref name="mimeType"/> is not of the form <c>type/subtype</c>.</exception>
    public MimeBundle Add(string mimeType, JsonNode content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _data[Check(mimeType)] = content;
        return this;
    }

    /// <summary>A copy with the same representations and metadata (JSON values cloned).</summary>
    public MimeBundle Clone()
    {
        var copy = new MimeBundle { UsesPlotlyJs = UsesPlotlyJs };
        foreach (var (mime, value) in _data) copy._data[mime] = value is JsonNode node ? node.DeepClone() : value;
        foreach (var (key, value) in Metadata) copy.Metadata[key] = value?.DeepClone();
        return copy;
    }

    /// <summary>The data as a JSON object, the form Jupyter messages carry.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (mime, value) in _data)
            json[mime] = value is JsonNode node ? node.DeepClone() : JsonValue.Create((string)value);
        return json;
    }

    /// <summary>The <c>text/plain</c> representation, or the list of MIME types held.</summary>
    public override string ToString() => PlainText.Length > 0 ? PlainText : $"<{string.Join(", ", _data.Keys)}>";

    static string Check(string mimeType)
    {
        if (mimeType is null || !MimeTypePattern().IsMatch(mimeType))
            throw new ArgumentException($"'{mimeType}' is not a MIME type; use the form type/subtype, e.g. text/html or image/png.", nameof(mimeType));
        return mimeType;
    }

    // Jupyter's message schema accepts exactly these keys in a display's data.
    [GeneratedRegex(@"^[\w\-\+\.]+/[\w\-\+\.]+$")]
    private static partial Regex MimeTypePattern();
}
