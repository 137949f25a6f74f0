using SegGanLab.Plots;
using Xunit;

namespace SegGanLab.Training.Tests.Recipes;

/// <summary>The proofs every recipe gets: exact resume and no leaked tensors.</summary>
static class RecipeChecks
{
    /// <summary>
    /// N steps uninterrupted, then N/2 steps stopped by a callback and the rest resumed from the
    /// checkpoint in a fresh recipe built by <paramref name="create"/>(initSeed) with other initial
    /// weights and global RNG: every loss of every step must be identical. Returns the records.
    /// </summary>
    public static IReadOnlyList<TrainRecord> Resume(string runsRoot, Func<long, Recipe> create, long steps)
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

    /// <summary>
    /// Trains <paramref name="recipe"/> for <paramref name="warmup"/> steps (filling caches, pools and
    /// optimizer state), then checks that <paramref name="steps"/> more, with evaluations, leave the
    /// live tensor count where it was.
    /// </summary>
    public static void NoLeaks(Recipe recipe, long warmup = 2, long steps = 3)
    {
        new Trainer(recipe, new TrainerOptions { Steps = warmup }).Fit();
        var start = LiveTensors.Settled();
        new Trainer(recipe, new TrainerOptions { Steps = steps, EvaluateEvery = 2 }).Fit();
        Assert.Equal(start, LiveTensors.Settled());
    }
}
