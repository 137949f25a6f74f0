using System.Globalization;
using SegGanLab.Plots;

namespace SegGanLab.Cli;

/// <summary>
/// Whether two runs' metric curves agree: every train record (each loss term and learning rate at each
/// step) and every evaluation's summary metrics, in order. <paramref name="Tolerance"/> 0 asks for equal
/// numbers (what a CPU rerun gives); otherwise values may differ by that fraction of the larger magnitude.
/// </summary>
/// <param name="Tolerance">The allowed relative difference (0: exact).</param>
internal sealed record CurveComparison(double Tolerance)
{
    /// <summary>The first difference between <paramref name="original"/> and <paramref name="rerun"/>, or null when they agree.</summary>
    public string? FirstDifference(RunRecords original, RunRecords rerun)
    {
        if (original.Train.Count != rerun.Train.Count)
            return $"the original logged {original.Train.Count} train records, the rerun {rerun.Train.Count}";
        for (var i = 0; i < original.Train.Count; i++)
        {
            var (a, b) = (original.Train[i], rerun.Train[i]);
            if (a.Step != b.Step) return $"train record {i + 1} is step {a.Step} in the original, step {b.Step} in the rerun";
            if (Differ($"step {a.Step}", a.Losses, b.Losses) is { } loss) return loss;
            if (Differ($"step {a.Step} learning rate", a.LearningRates, b.LearningRates) is { } lr) return lr;
        }
        if (original.Evals.Count != rerun.Evals.Count)
            return $"the original has {original.Evals.Count} evaluations, the rerun {rerun.Evals.Count}";
        for (var i = 0; i < original.Evals.Count; i++)
        {
            var (a, b) = (original.Evals[i], rerun.Evals[i]);
            if (a.Step != b.Step || a.Split != b.Split) return $"evaluation {i + 1} is step {a.Step} ({a.Split}) in the original, step {b.Step} ({b.Split}) in the rerun";
            if (Differ($"evaluation at step {a.Step}", a.Metrics, b.Metrics) is { } metric) return metric;
        }
        return null;
    }

    string? Differ(string where, IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        foreach (var (name, value) in a)
        {
            if (!b.TryGetValue(name, out var other)) return $"{where}: the rerun has no {name}";
            if (!Close(value, other)) return $"{where}: {name} {Text(value)} in the original, {Text(other)} in the rerun";
        }
        var extra = b.Keys.FirstOrDefault(k => !a.ContainsKey(k));
        return extra is null ? null : $"{where}: the original has no {extra}";
    }

    bool Close(double a, double b) =>
        a.Equals(b) || (Tolerance > 0 && Math.Abs(a - b) <= Tolerance * Math.Max(Math.Abs(a), Math.Abs(b)));

    static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
