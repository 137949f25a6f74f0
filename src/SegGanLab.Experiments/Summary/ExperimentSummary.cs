using System.Globalization;
using System.Text;
using SegGanLab.Models;

namespace SegGanLab.Experiments;

/// <summary>One model of a <see cref="ExperimentSummary"/>.</summary>
/// <param name="Part">What it is in the experiment (<c>segmenter</c>, <c>discriminator</c>, ...).</param>
/// <param name="Description">How it was given (<c>unet(depth: 3)</c>, <c>module UNet</c>).</param>
/// <param name="Type">Its type name.</param>
/// <param name="Parameters">Parameter elements.</param>
/// <param name="Layers">The traced layer table at the data's sample size, when the model can trace one (an <see cref="ImageModel"/>).</param>
public sealed record ModelOverview(string Part, string Description, string Type, long Parameters, ModelSummary? Layers);

/// <summary>
/// What <c>Summary()</c> found: everything built, one batch walked through every model and loss
/// (one training step and an evaluation on one validation batch, on throwaway copies of the models).
/// Print it for a readable overview.
/// </summary>
public sealed class ExperimentSummary
{
    /// <summary>The recipe.</summary>
    public required string Recipe { get; init; }

    /// <summary>The run name Run() would use.</summary>
    public required string Name { get; init; }

    /// <summary>The data as set (<c>synthetic, flip</c>).</summary>
    public required string Data { get; init; }

    /// <summary>Training and validation sets with their sizes and classes.</summary>
    public required IReadOnlyList<string> DataLines { get; init; }

    /// <summary>The models.</summary>
    public required IReadOnlyList<ModelOverview> Models { get; init; }

    /// <summary>The loss expressions by side (<c>G</c>, and <c>D</c> for adversarial recipes).</summary>
    public required IReadOnlyDictionary<string, string> Losses { get; init; }

    /// <summary>Every loss term's value on the walked batch (<c>G/ce</c>, <c>G/total</c>, <c>D/real</c>, ...).</summary>
    public required IReadOnlyDictionary<string, double> LossValues { get; init; }

    /// <summary>The metrics on one validation batch (untrained models: a smoke test, not a score).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Optimizers by role, as set.</summary>
    public required IReadOnlyDictionary<string, string> Optimizers { get; init; }

    /// <summary>The schedule.</summary>
    public required string Schedule { get; init; }

    /// <summary>Steps (after SEGGAN_STEP_SCALE), batch, cadences, device, seed.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Training { get; init; }

    /// <summary>Sections: data, models (with their layer tables), losses, optimisation, training.</summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        s.AppendLine($"Experiment '{Name}' ({Recipe})");
        s.AppendLine($"Data: {Data}");
        foreach (var line in DataLines) s.AppendLine($"  {line}");
        foreach (var m in Models)
        {
            s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{Capital(m.Part)}: {m.Description} ({m.Type}, {m.Parameters:N0} parameters)"));
            if (m.Layers is { } layers)
                foreach (var line in layers.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) s.AppendLine($"  {line.TrimEnd()}");
        }
        foreach (var (side, expression) in Losses) s.AppendLine($"Loss {side}: {expression}");
        if (LossValues.Count > 0)
            s.AppendLine("  on one batch: " + string.Join(", ", LossValues.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value:0.####}"))));
        foreach (var (role, optimizer) in Optimizers) s.AppendLine($"Optimizer {role}: {optimizer}");
        s.AppendLine($"Schedule: {Schedule}");
        s.AppendLine("Training: " + string.Join(", ", Training.Select(t => $"{t.Key} {t.Value}")));
        if (Metrics.Count > 0)
            s.AppendLine("Evaluation walked (one batch, untrained): " + string.Join(", ", Metrics.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value:0.###}"))));
        return s.ToString();
    }

    static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
