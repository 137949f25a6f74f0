using SegGanLab.Plots;
using Xunit;

namespace SegGanLab.Experiments.Tests;

/// <summary>What the recipe entry points' tests check of a run: its losses, its options.json.</summary>
static class RecipeChecks
{
    /// <summary>Every logged value of <paramref name="terms"/> is finite and each changed over the run.</summary>
    public static void LossesMove(ExperimentResult run, params string[] terms)
    {
        foreach (var term in terms)
        {
            var values = run.History.Select(h => h.Losses[term]).ToList();
            Assert.All(values, v => Assert.True(double.IsFinite(v), $"{term} = {v}"));
            Assert.True(values.Distinct().Count() > 1, $"{term} should change: {string.Join(", ", values)}");
        }
    }

    /// <summary>The run's options.json entries by name.</summary>
    public static Dictionary<string, RunOption> Options(ExperimentResult run) =>
        RunFolder.Read(run.Folder).Options!.Options.ToDictionary(o => o.Name);

    /// <summary>The total of <paramref name="side"/> at every step.</summary>
    public static double[] Totals(ExperimentResult run, string side) => [.. run.History.Select(h => h.Losses[$"{side}/total"])];
}
