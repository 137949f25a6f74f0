using SegGanLab.Losses;
using SegGanLab.Torch;

namespace SegGanLab.Training;

/// <summary>
/// Reports one side whose loss is evaluated in parts (labelled and unlabelled batches, the
/// discriminator's real and fake batches of different sizes): every part's terms under
/// <c>side/term</c> and their sum as <c>side/total</c>, as if it were one expression.
/// </summary>
internal static class SideReport
{
    /// <summary>Reports <paramref name="parts"/> (before any backward pass: the NaN guard) and <paramref name="idle"/> terms as 0.</summary>
    /// <exception cref="InvalidOperationException">When two parts have a term of the same name.</exception>
    public static void Report(StepContext step, string side, IReadOnlyList<LossResult> parts, IEnumerable<string>? idle = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        double total = 0;
        foreach (var part in parts)
        {
            foreach (var (name, value) in part.Terms)
            {
                if (!seen.Add(name)) throw new InvalidOperationException($"Two parts of the {side} loss both have a term '{name}'; rename one with .Named(...).");
                step.Report($"{side}/{name}", value);
            }
            total += part.TotalValue;
        }
        foreach (var name in idle ?? [])
            if (seen.Add(name)) step.Report($"{side}/{name}", 0);
        step.Report($"{side}/total", total);
    }

    /// <summary>The sum of the parts' totals, to call backward on.</summary>
    public static Tensor Total(IReadOnlyList<LossResult> parts) =>
        parts.Count == 1 ? parts[0].Total.alias() : parts.Skip(1).Aggregate(parts[0].Total, (sum, p) => sum + p.Total);
}
