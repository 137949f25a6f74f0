using SegGanLab.Plots;
using Xunit;

namespace SegGanLab.Training.Tests.Recipes;

/// <summary>
/// The resume-equality proof every recipe gets: N steps uninterrupted, then N/2 steps stopped by a
/// callback and the rest resumed from the checkpoint in a fresh recipe built with other initial
/// weights and global RNG; every loss of every step must be identical.
/// </summary>
static class ResumeCheck
{
    /// <summary>Runs both ways with recipes from <paramref name="create"/>(initSeed) and compares every record.</summary>
    public static IReadOnlyList<TrainRecord> Run(string runsRoot, Func<long, Recipe> create, long steps)
    {
        var options = new TrainerOptions { Steps = steps, EvaluateEvery = steps / 2 };
        IReadOnlyList<TrainRecord> uninterrupted;
        using (var recipe = create(3))
            uninterrupted = new Trainer(recipe, options).Fit().History;

        var run = RunWriter.Create(runsRoot, "halves");
        run.WriteOptions("test", "halves", 3, [new OptionValue("steps", steps, steps)]);
        using (var recipe = create(3))
            Assert.Equal(steps / 2, new Trainer(recipe, options, run, [new StopAt(steps / 2)]).Fit().Steps);
        using (var resumed = create(99))
        {
            var history = new Trainer(resumed, options, RunWriter.Open(run.Folder)).Fit(resumeFrom: run.LastCheckpoint).History;
            Assert.Equal(uninterrupted.Count, history.Count);
            for (var k = 0; k < history.Count; k++)
                Assert.Equal(uninterrupted[k].Losses.OrderBy(l => l.Key), history[k].Losses.OrderBy(l => l.Key));
        }
        return uninterrupted;
    }
}
