using System.Text.Json.Nodes;
using SegGanLab.Data;

namespace SegGanLab.Cli;

/// <summary><c>seggan data summary --json</c>: a <see cref="DatasetSummary"/> as one JSON object.</summary>
/// <example><code>
/// {"name":"CamVid train","samples":367,"examined":367,"ignore_index":11,"binary":false,
///  "image_sizes":[{"width":480,"height":360,"count":367}],"pixels":63417600,"ignored_pixels":2478133,
///  "classes":[{"index":0,"name":"Sky","pixels":10682767,"share":0.1753,"images":367,"image_pixels":...}, ...],
///  "warnings":[]}
/// </code></example>
internal static class SummaryJson
{
    public static string Of(DatasetSummary summary)
    {
        var labelled = summary.TotalPixels - summary.IgnoredPixels;
        return new JsonObject
        {
            ["name"] = summary.Name,
            ["samples"] = summary.DatasetCount,
            ["examined"] = summary.SamplesRead,
            ["ignore_index"] = summary.Classes.IgnoreIndex,
            ["binary"] = summary.Classes.Binary,
            ["image_sizes"] = new JsonArray(summary.ImageSizes.Select(s => (JsonNode)new JsonObject { ["width"] = s.Width, ["height"] = s.Height, ["count"] = s.Count }).ToArray()),
            ["pixels"] = summary.TotalPixels,
            ["ignored_pixels"] = summary.IgnoredPixels,
            ["classes"] = new JsonArray(Enumerable.Range(0, summary.Classes.Count).Select(c => (JsonNode)new JsonObject
            {
                ["index"] = c,
                ["name"] = summary.Classes.Names[c],
                ["pixels"] = summary.ClassPixels[c],
                ["share"] = labelled == 0 ? null : JsonValue.Create((double)summary.ClassPixels[c] / labelled),
                ["images"] = summary.ImagesWithClass[c],
                ["image_pixels"] = summary.ImagePixelsWithClass[c],
            }).ToArray()),
            ["warnings"] = new JsonArray(summary.Warnings.Select(w => (JsonNode)JsonValue.Create(w)).ToArray()),
        }.ToJsonString();
    }
}
