using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

/// <summary>plotly.js's <c>config</c>: how the viewer behaves (mode bar, resizing, zoom). Names are camelCase there.</summary>
public sealed record Config
{
    /// <summary>Resize with the page.</summary>
    [JsonPropertyName("responsive")] public bool? Responsive { get; init; }

    /// <summary>Mode bar always (<c>true</c>), never (<c>false</c>) or on hover (null).</summary>
    [JsonPropertyName("displayModeBar")] public bool? DisplayModeBar { get; init; }

    /// <summary>Whether the plotly logo is in the mode bar.</summary>
    [JsonPropertyName("displaylogo")] public bool? DisplayLogo { get; init; }

    /// <summary>Whether the mouse wheel zooms.</summary>
    [JsonPropertyName("scrollZoom")] public bool? ScrollZoom { get; init; }

    /// <summary>Mode bar buttons to leave out (<c>"lasso2d"</c>, <c>"select2d"</c>, ...).</summary>
    [JsonPropertyName("modeBarButtonsToRemove")] public IReadOnlyList<string>? ModeBarButtonsToRemove { get; init; }

    /// <summary>What the camera button saves.</summary>
    [JsonPropertyName("toImageButtonOptions")] public ImageExportOptions? ToImageButtonOptions { get; init; }
}

/// <summary>The mode bar's "download plot" options.</summary>
public sealed record ImageExportOptions
{
    /// <summary><c>"png"</c>, <c>"svg"</c>, <c>"jpeg"</c> or <c>"webp"</c>.</summary>
    [JsonPropertyName("format")] public string? Format { get; init; }

    /// <summary>File name without extension.</summary>
    [JsonPropertyName("filename")] public string? Filename { get; init; }

    /// <summary>Resolution multiplier.</summary>
    [JsonPropertyName("scale")] public double? Scale { get; init; }
}
