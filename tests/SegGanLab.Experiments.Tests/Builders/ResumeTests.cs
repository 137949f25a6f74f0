using SegGanLab.Experiments.Tests.Fixtures;
using SegGanLab.Plots;
using SegGanLab.Training;
using Xunit;
using static SegGanLab.Experiments.LossTerms;

namespace SegGanLab.Experiments.Tests;

public sealed class ResumeTests : RunsFolderTest
{
    static double[] Losses(ExperimentResult r) => [.. r.History.Select(h => h.Losses["G/total"])];

    [Fact]
    public void Resume_OfAnInterruptedRun_EqualsTheUninterruptedRun()
    {
        var experiment = Tiny.Supervised().Steps(8).Evaluate(every: 4).Data(Tiny.Data.Workers(2));
        var full = experiment.Run();

        var half = experiment.Callbacks(new StopAfter(4)).Run();
        Assert.Equal(4, half.Steps);
        var resumed = experiment.Resume(half.Folder);

        Assert.Equal(8, resumed.Steps);
        Assert.Equal(Losses(full), Losses(resumed));
        Assert.Equal(full.Evaluations.Select(e => e.Metric("mIoU")), resumed.Evaluations.Select(e => e.Metric("mIoU")));
        Assert.Equal(8, RunFolder.Read(half.Folder).Train.Count);
    }

    [Fact]
    public void Resume_OfAGanRun_WithAnImagePool_EqualsTheUninterruptedRun()
    {
        var experiment = Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4))
            .Loss(CE + 0.1 * Adv).ImagePool(4).Data(Tiny.Data).Batch(4).Steps(6).Evaluate(every: 3);
        var full = experiment.Run();
        var half = experiment.Callbacks(new StopAfter(3)).Run();
        var resumed = experiment.Resume(half.Folder);
        Assert.Equal(full.History.Select(h => h.Losses["D/total"]), resumed.History.Select(h => h.Losses["D/total"]));
        Assert.Equal(Losses(full), Losses(resumed));
    }

    [Fact]
    public void Resume_WithMoreSteps_ExtendsTheRun()
    {
        var first = Tiny.Supervised().Steps(4).Run();
        var extended = Tiny.Supervised().Steps(6).Resume(first.Folder);
        Assert.Equal(6, extended.Steps);
        Assert.Equal(6, extended.History.Count);
        Assert.Equal(6, RunFolder.Read(first.Folder).Options!.Options.Single(o => o.Name == "steps").Value.GetInt64());
    }

    [Fact]
    public void Resume_RefusesAnotherRecipesRun_AndAFolderWithoutCheckpoint()
    {
        var run = Tiny.Supervised().Steps(2).Run();
        var gan = Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4)).Data(Tiny.Data);
        var e = Assert.Throws<SavedExperimentException>(() => gan.Resume(run.Folder));
        Assert.Contains("it is a 'supervised' run", e.Message);
        File.Delete(run.LastCheckpoint!);
        var e2 = Assert.Throws<SavedExperimentException>(() => Tiny.Supervised().Resume(run.Folder));
        Assert.Contains("no checkpoints/last.safetensors", e2.Message);
    }

    [Fact]
    public void Cancellation_ThroughTheHost_StopsAtAStepBoundary_WithALoadableCheckpoint()
    {
        using var interrupt = new CancellationTokenSource();
        ExperimentHost.Cancellation = interrupt.Token;
        var result = Tiny.Supervised().Steps(20).Callbacks(new CancelAfter(3, interrupt)).Run();

        Assert.True(result.Cancelled);
        Assert.Equal(3, result.Steps);
        Assert.Equal(3, Checkpoint.ReadStep(result.LastCheckpoint!));
        ExperimentHost.Cancellation = CancellationToken.None;
        using var saved = SavedExperiment.Load(result.Folder, "last");
        Assert.Equal(3, saved.Step);
        Assert.InRange(saved.Evaluate().MeanIoU, 0, 1);
        var resumed = Tiny.Supervised().Steps(20).Evaluate(every: 10).Resume(result.Folder);
        Assert.Equal(20, resumed.Steps);
    }

    [Fact]
    public void Training_LeavesNoTensorsBehind()
    {
        Tiny.Supervised().Steps(2).Run();
        var before = LiveTensors.Settled();
        Tiny.Supervised().Steps(4).Run();
        Assert.Equal(before, LiveTensors.Settled());
    }
}
