using SegGanLab.Experiments.Tests.Fixtures;
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

    /// <summary>
    /// Runs <paramref name="experiment"/> whole, then stopped after <paramref name="stopAfter"/> steps and
    /// resumed: the totals of <paramref name="sides"/> equal the whole run's at every step. Returns the whole run.
    /// </summary>
    public static ExperimentResult ResumeEqualsWholeRun<T>(T experiment, long stopAfter, params string[] sides) where T : ExperimentBuilder<T>
    {
        var full = experiment.Run();
        var half = experiment.Callbacks(new StopAfter(stopAfter)).Run();
        Assert.Equal(stopAfter, half.Steps);
        var resumed = experiment.Resume(half.Folder);
        foreach (var side in sides) Assert.Equal(Totals(full, side), Totals(resumed, side));
        return full;
    }

    static double[] Totals(ExperimentResult run, string side) => [.. run.History.Select(h => h.Losses[$"{side}/total"])];

    /// <summary>The problems <paramref name="run"/> reports before training.</summary>
    public static ExperimentConfigurationException Problems(Func<object> run) => Assert.Throws<ExperimentConfigurationException>(run);

    /// <summary><paramref name="e"/> lists a problem of <paramref name="verb"/> whose message contains <paramref name="text"/>.</summary>
    public static void Has(ExperimentConfigurationException e, string verb, string text) =>
        Assert.True(e.Problems.Any(p => p.Verb == verb && p.Message.Contains(text, StringComparison.Ordinal)), e.Message);
}
