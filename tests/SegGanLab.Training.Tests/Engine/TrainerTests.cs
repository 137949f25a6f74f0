using SegGanLab.Losses;
using SegGanLab.Plots;
using SegGanLab.Torch;
using Xunit;

namespace SegGanLab.Training.Tests.Engine;

public sealed class TrainerTests : IDisposable
{
    readonly string _runs = Directory.CreateTempSubdirectory("seggan-runs-").FullName;

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public void Supervised_Trains_LossesFall_AndTheRunFolderHoldsEveryRecord()
    {
        using var recipe = TinySetup.Supervised();
        var run = RunWriter.Create(_runs, "tiny");
        var result = new Trainer(recipe, new TrainerOptions { Steps = 30, EvaluateEvery = 15 }, run).Fit();

        Assert.Equal(30, result.Steps);
        Assert.False(result.Cancelled);
        var first = result.History.Take(5).Average(r => r.Losses["G/total"]);
        var last = result.History.TakeLast(5).Average(r => r.Losses["G/total"]);
        Assert.True(last < first * 0.8, $"loss should fall: {first:F3} -> {last:F3}");
        foreach (var r in result.History)
            Assert.Equal(r.Losses["G/total"], r.Losses["G/ce"] + r.Losses["G/dice"], 5);

        var read = RunFolder.Read(run.Folder);
        Assert.Equal(30, read.Train.Count);
        Assert.Equal([15L, 30L], read.Evals.Select(e => e.Step));
        Assert.True(read.Evals[^1].Metric("mIoU") is > 0 and <= 1);
        Assert.Equal(recipe.Data.Classes.Count, read.Evals[^1].PerClass.Count);
        Assert.NotNull(read.ReadConfusion(read.Evals[^1]));
        Assert.Equal(2, read.ReadSamples(read.Evals[^1])!.Samples.Count);
        Assert.True(File.Exists(result.LastCheckpoint));
        Assert.True(File.Exists(result.BestCheckpoint));
        Assert.True(File.Exists(result.Report));
        Assert.Equal(30, Checkpoint.ReadStep(result.LastCheckpoint!));
    }

    [Fact]
    public void Resume_FromTheMidRunCheckpoint_ContinuesWithExactlyTheUninterruptedLosses()
    {
        double[] uninterrupted;
        using (var recipe = TinySetup.Supervised(workers: 2))
            uninterrupted = new Trainer(recipe, new TrainerOptions { Steps = 12, EvaluateEvery = 6 }, RunWriter.Create(_runs, "full"))
                .Fit().History.Select(r => r.Losses["G/total"]).ToArray();

        var run = RunWriter.Create(_runs, "halves");
        run.WriteOptions("supervised", "halves", 3, [new OptionValue("steps", 12, 1000)]);
        using (var recipe = TinySetup.Supervised(workers: 2))
        {
            var half = new Trainer(recipe, new TrainerOptions { Steps = 12, EvaluateEvery = 6 }, run, [new StopAt(6)]).Fit();
            Assert.Equal("test stop", half.StopReason);
            Assert.Equal(6, half.Steps);
        }
        using (var resumed = TinySetup.Supervised(initSeed: 99, workers: 2))
        {
            // Different initial weights and global RNG: everything must come from the checkpoint.
            var result = new Trainer(resumed, new TrainerOptions { Steps = 12, EvaluateEvery = 6 }, RunWriter.Open(run.Folder))
                .Fit(resumeFrom: run.LastCheckpoint);
            Assert.Equal(uninterrupted, result.History.Select(r => r.Losses["G/total"]));
            Assert.Equal([6L, 12L], result.Evaluations.Select(e => e.Step));
        }
        Assert.Equal(12, RunFolder.Read(run.Folder).Train.Count);
    }

    [Fact]
    public void Cancellation_StopsAtAStepBoundary_AndWritesALoadableCheckpoint()
    {
        using var recipe = TinySetup.Supervised();
        using var cts = new CancellationTokenSource();
        var run = RunWriter.Create(_runs, "cancel");
        var result = new Trainer(recipe, new TrainerOptions { Steps = 1000 }, run, [new CancelAt(4, cts)]).Fit(cts.Token);
        Assert.True(result.Cancelled);
        Assert.Equal(4, result.Steps);
        Assert.Equal(4, Checkpoint.ReadStep(run.LastCheckpoint));
        using var again = TinySetup.Supervised(initSeed: 5);
        Assert.Equal(4, Checkpoint.Load(run.LastCheckpoint, again.State));
    }

    [Fact]
    public void ANonFiniteLoss_StopsBeforeItsUpdate_NamingTheTermAndStep_AfterSavingTheLastGoodState()
    {
        var poison = Loss.Custom("poison", LossInputs.Logits, ctx => ctx.Logits!.mean() * double.NaN);
        using var recipe = TinySetup.Supervised();
        var run = RunWriter.Create(_runs, "nan");
        var trainer = new Trainer(recipe, new TrainerOptions { Steps = 10 }, run, [new Poison(3, recipe, poison)]);
        var e = Assert.Throws<NonFiniteLossException>(() => trainer.Fit());
        Assert.Equal("G/poison", e.Term);
        Assert.Equal(3, e.Step);
        Assert.Equal(run.LastCheckpoint, e.CheckpointPath);
        Assert.Equal(2, Checkpoint.ReadStep(run.LastCheckpoint));
        Assert.Contains("G/poison", e.Message);
        Assert.Contains("step 3", e.Message);
    }

    [Fact]
    public void Events_ArriveInTheDocumentedOrder()
    {
        using var recipe = TinySetup.Supervised();
        var log = new EventLog();
        new Trainer(recipe, new TrainerOptions { Steps = 7, EvaluateEvery = 6 }, RunWriter.Create(_runs, "events"), [log]).Fit();
        // 24 samples / batch 4 = 6 steps per epoch.
        Assert.Equal("fit-start epoch-start:0 step-start:1 g-start g-end step-end:1", string.Join(' ', log.Events.Take(6)));
        var afterSix = log.Events.SkipWhile(e => e != "step-end:6").ToList();
        Assert.Equal(["step-end:6", "eval:6", "checkpoint:best", "epoch-end:0", "epoch-start:1", "step-start:7"], afterSix.Take(6));
        // The final evaluation may or may not beat step 6's, so "checkpoint:best" may or may not follow it.
        Assert.Equal(["eval:7", "checkpoint:last", "fit-end"], log.Events.SkipWhile(e => e != "eval:7").Where(e => e != "checkpoint:best"));
    }

    [Fact]
    public void TrainingWithoutARunFolder_WritesNothing_AndLeavesNoTensorsBehind()
    {
        using var recipe = TinySetup.Supervised();
        new Trainer(recipe, new TrainerOptions { Steps = 2 }).Fit(); // warms caches and optimizer state
        var start = LiveTensors.Settled();
        var result = new Trainer(recipe, new TrainerOptions { Steps = 6, EvaluateEvery = 3 }).Fit(resumeFrom: null);
        Assert.Null(result.Folder);
        Assert.Equal(2, result.Evaluations.Count);
        Assert.Equal(start, LiveTensors.Settled());
    }

    sealed class CancelAt(long step, CancellationTokenSource cts) : Callback
    {
        public override void OnStepEnd(TrainingProgress progress, TrainRecord record)
        {
            if (record.Step == step) cts.Cancel();
        }
    }

    /// <summary>Swaps the recipe's loss for one that turns NaN at a step (through the recipe's public surface only).</summary>
    sealed class Poison(long step, SupervisedRecipe recipe, LossExpression poison) : Callback
    {
        public override void OnStepStart(TrainingProgress progress)
        {
            if (progress.Step == step) recipe.Loss = recipe.Loss + poison;
        }
    }

    sealed class EventLog : Callback
    {
        public readonly List<string> Events = new();
        public override void OnFitStart(TrainingProgress p) => Events.Add("fit-start");
        public override void OnEpochStart(TrainingProgress p, int epoch) => Events.Add($"epoch-start:{epoch}");
        public override void OnStepStart(TrainingProgress p) => Events.Add($"step-start:{p.Step}");
        public override void OnGeneratorStepStart(TrainingProgress p) => Events.Add("g-start");
        public override void OnGeneratorStepEnd(TrainingProgress p) => Events.Add("g-end");
        public override void OnStepEnd(TrainingProgress p, TrainRecord r) => Events.Add($"step-end:{r.Step}");
        public override void OnEvaluation(TrainingProgress p, EvalRecord r) => Events.Add($"eval:{r.Step}");
        public override void OnCheckpoint(TrainingProgress p, string path, bool best) => Events.Add(best ? "checkpoint:best" : "checkpoint:last");
        public override void OnEpochEnd(TrainingProgress p, int epoch) => Events.Add($"epoch-end:{epoch}");
        public override void OnFitEnd(TrainingProgress p, RunResult r) => Events.Add("fit-end");
    }
}
