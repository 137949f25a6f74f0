using SegGanLab.Torch;
using SegGanLab.Training;
using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Training.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("seggan-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A tiny conv net, its Adam optimizer, a StepLR and a noise generator: a recipe's state in miniature.</summary>
    sealed class Setup : IDisposable
    {
        public readonly nn.Module<Tensor, Tensor> Net;
        public readonly Optimizer Opt;
        public readonly LRScheduler Sched;
        public readonly Generator Noise = new(seed: 11);
        public readonly TrainingState State = new();
        public long Counter;

        public Setup(long seed)
        {
            manual_seed(seed);
            Net = nn.Sequential(nn.Conv2d(2, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(), nn.Conv2d(4, 3, 1));
            Opt = optim.Adam(Net.parameters(), lr: 1e-2);
            Sched = optim.lr_scheduler.StepLR(Opt, step_size: 3, gamma: 0.5);
            State.Modules["G"] = Net;
            State.Optimizers["G"] = Opt;
            State.Schedulers["G"] = Sched;
            State.Generators["noise"] = Noise;
            State.SaveExtras = () =>
            {
                var e = new CheckpointExtras();
                e.Strings["counter"] = Counter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return e;
            };
            State.LoadExtras = e => Counter = long.Parse(e.Strings["counter"], System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>One step whose data come from both the global and the recipe's generator, so both must resume.</summary>
        public double Step()
        {
            using var scope = NewDisposeScope();
            var x = randn(2, 2, 6, 6);
            var y = randint(0, 3, [2, 6, 6], generator: Noise);
            Opt.zero_grad();
            var loss = F.cross_entropy(Net.forward(x), y);
            loss.backward();
            Opt.step();
            Sched.step();
            Counter++;
            return loss.item<float>();
        }

        public void Dispose()
        {
            Opt.Dispose();
            Net.Dispose();
            Noise.Dispose();
        }
    }

    [Fact]
    public void Resume_FromAMidRunCheckpoint_ReproducesTheUninterruptedLossesExactly()
    {
        double[] uninterrupted;
        using (var run = new Setup(3)) uninterrupted = Enumerable.Range(0, 8).Select(_ => run.Step()).ToArray();

        var path = Path.Combine(_dir, "last.safetensors");
        var firstHalf = new List<double>();
        using (var run = new Setup(3))
        {
            for (var k = 0; k < 4; k++) firstHalf.Add(run.Step());
            Checkpoint.Save(path, run.State, step: 4);
        }
        var secondHalf = new List<double>();
        using (var resumed = new Setup(99)) // different initial weights and RNG: all must come from the file
        {
            Assert.Equal(4, Checkpoint.Load(path, resumed.State));
            Assert.Equal(4, resumed.Counter);
            for (var k = 0; k < 4; k++) secondHalf.Add(resumed.Step());
        }
        Assert.Equal(uninterrupted, firstHalf.Concat(secondHalf));
    }

    [Fact]
    public void SaveAndLoad_LeaveNoTensorsBehind()
    {
        var path = Path.Combine(_dir, "c.safetensors");
        using var run = new Setup(1);
        run.Step();
        var start = LiveTensors.Settled();
        Checkpoint.Save(path, run.State, 1);
        Checkpoint.Load(path, run.State);
        Assert.Equal(start, LiveTensors.Settled());
    }

    [Fact]
    public void Load_OfAPlainWeightsFile_SaysItIsNotATrainingCheckpoint()
    {
        var path = Path.Combine(_dir, "weights.safetensors");
        using var run = new Setup(1);
        run.Net.save(path);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path, run.State));
        Assert.Contains("not a SegGanLab training checkpoint", e.Message);
        Assert.Contains("Module.load", e.Message);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void Load_IntoAnExperimentWithAnotherRole_NamesTheMissingRole()
    {
        var path = Path.Combine(_dir, "c.safetensors");
        using var run = new Setup(1);
        Checkpoint.Save(path, run.State, 0);
        using var other = new Setup(1);
        using var d = nn.Conv2d(3, 1, 1);
        other.State.Modules["D"] = d;
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path, other.State));
        Assert.Contains("no state for D", e.Message);
    }

    [Fact]
    public void Load_WithAMismatchedArchitecture_ReportsTheShapes()
    {
        var path = Path.Combine(_dir, "c.safetensors");
        using var run = new Setup(1);
        Checkpoint.Save(path, run.State, 0);
        var other = new TrainingState();
        using var wider = nn.Sequential(nn.Conv2d(2, 8, 3, padding: 1), nn.BatchNorm2d(8), nn.ReLU(), nn.Conv2d(8, 3, 1));
        other.Modules["G"] = wider;
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path, other));
        Assert.Contains("0.weight", e.Message);
        Assert.Contains("[4, 2, 3, 3]", e.Message);
    }

    [Fact]
    public void Load_OfAMissingFile_SaysWhereCheckpointsAre()
    {
        using var run = new Setup(1);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(Path.Combine(_dir, "nope.safetensors"), run.State));
        Assert.Contains("checkpoints/", e.Message);
    }

    [Fact]
    public void TheWeights_AreReadableUnderTheirModelPrefix()
    {
        var path = Path.Combine(_dir, "c.safetensors");
        using var run = new Setup(1);
        Checkpoint.Save(path, run.State, 7);
        using var file = SegGanLab.Torch.Serialization.SafeTensors.Load(path);
        Assert.True(file.ContainsKey("model/G/0.weight"));
        Assert.True(file.ContainsKey("rng/torch"));
        Assert.Equal("7", file.Metadata["step"]);
        Assert.Equal(7, Checkpoint.ReadStep(path));
    }
}
