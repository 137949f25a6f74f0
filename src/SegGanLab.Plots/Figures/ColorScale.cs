using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

/// <summary>
/// A heatmap colour scale: one of plotly's named scales (<c>"Blues"</c>, <c>"Viridis"</c>) or
/// explicit stops from 0 to 1 (<c>[[0, "#fff"], [1, "#08306b"]]</c>).
/// </summary>
[JsonConverter(typeof(ColorScaleConverter))]
public sealed class ColorScale
{
    ColorScale(string? name, IReadOnlyList<(double Stop, string Color)>? stops) => (Name, Stops) = (name, stops);

    /// <summary>The named scale, if this is one.</summary>
    public string? Name { get; }

    /// <summary>The explicit stops, if this is no named scale.</summary>
    public IReadOnlyList<(double Stop, string Color)>? Stops { get; }

    /// <summary>One of plotly's named scales.</summary>
    public static ColorScale Named(string name) => new(name, null);

    /// <summary>Explicit stops: the first at 0, the last at 1, increasing.</summary>
    public static ColorScale FromStops(params (double Stop, string Color)[] stops)
    {
        if (stops.Length < 2 || stops[0].Stop != 0 || stops[^1].Stop != 1)
            throw new ArgumentException($"A colour scale needs stops from 0 to 1, got {stops.Length} stop(s) from {Describe(stops)}.", nameof(stops));
        for (var i = 1; i < stops.Length; i++)
            if (stops[i].Stop < stops[i - 1].Stop)
                throw new ArgumentException($"Colour scale stops must increase, got {Describe(stops)}.", nameof(stops));
        return new(null, stops);
    }

    /// <summary>A named scale, from its name.</summary>
    public static implicit operator ColorScale(string name) => Named(name);

    static string Describe((double Stop, string Color)[] stops) =>
        stops.Length == 0 ? "none" : string.Join(", ", stops.Select(s => s.Stop.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>Writes a colour scale as its name or as <c>[[stop, colour], ...]</c>.</summary>
sealed class ColorScaleConverter : JsonConverter<ColorScale>
{
    public override ColorScale Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Plotly figures are written, not read: build a Figure in code instead.");

    public override void Write(Utf8JsonWriter writer, ColorScale value, JsonSerializerOptions options)
    {
        if (value.Name is { } name) { writer.WriteStringValue(name); return; }
        writer.WriteStartArray();
        foreach (var (stop, color) in value.Stops!)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(stop);
            writer.WriteStringValue(color);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }
}
