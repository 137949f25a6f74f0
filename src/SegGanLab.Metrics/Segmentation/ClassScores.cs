using System.Text.Json.Serialization;

namespace SegGanLab.Metrics;

/// <summary>
/// One row of the per-class table: the <c>per_class</c> record of docs/run-folder.md. Values are
/// fractions in [0, 1]; NaN where the metric is undefined (see <see cref="ConfusionMatrix"/>), which
/// JSON serialisation writes as null.
/// </summary>
/// <param name="Name">The class name.</param>
/// <param name="IoU">TP / (TP + FP + FN); NaN when the class is absent from both prediction and ground truth.</param>
/// <param name="Accuracy">TP / (TP + FN), the recall; NaN when the class is absent from the ground truth.</param>
/// <param name="Dice">2·TP / (2·TP + FP + FN), the F1 score; NaN when the class is absent from both.</param>
/// <param name="Precision">TP / (TP + FP); NaN when the class is never predicted.</param>
public sealed record ClassScores(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("iou"), JsonConverter(typeof(NaNAsNullConverter))] double IoU,
    [property: JsonPropertyName("acc"), JsonConverter(typeof(NaNAsNullConverter))] double Accuracy,
    [property: JsonPropertyName("dice"), JsonConverter(typeof(NaNAsNullConverter))] double Dice,
    [property: JsonPropertyName("precision"), JsonConverter(typeof(NaNAsNullConverter))] double Precision)
{
    /// <summary>The recall, which is the per-class accuracy.</summary>
    [JsonPropertyName("recall"), JsonConverter(typeof(NaNAsNullConverter))]
    public double Recall => Accuracy;
}
