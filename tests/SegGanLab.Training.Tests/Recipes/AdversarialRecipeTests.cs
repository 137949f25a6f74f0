using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Plots;
using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Models.Models;

namespace SegGanLab.Training.Tests.Recipes;

public sealed class AdversarialRecipeTests : IDisposable
{
    readonly string _runs = Directory.CreateTempSubdirectory("seggan-gan-").FullName;

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public void Gan_TrainsEndToEnd_BothSidesLogged_AndTheRunFolderReadsBack()
    {
        using var recipe = TinySetup.Gan();
        var run = RunWriter.Create(_runs, "gan");
        var counter = new UpdateCounter();
        var result = new Trainer(recipe, new TrainerOptions { Steps = 8, EvaluateEvery = 4 }, run, [counter]).Fit();

        Assert.Equal(8, result.Steps);
        Assert.All(counter.PerStep, c => Assert.Equal((1, 1), c));
        foreach (var r in result.History)
        {
            Assert.Equal(["D/real", "D/fake", "D/total", "G/ce", "G/adv", "G/total"], r.Losses.Keys);
            Assert.Equal(r.Losses["G/total"], r.Losses["G/ce"] + r.Losses["G/adv"], 5);
            Assert.Equal(r.Losses["D/total"], r.Losses["D/real"] + r.Losses["D/fake"], 5);
            Assert.Equal(["D", "G"], r.LearningRates.Keys.Order());
        }
        foreach (var key in new[] { "G/ce", "G/adv", "D/real", "D/fake" })
            Assert.True(result.History.Select(r => r.Losses[key]).Distinct().Count() > 1, $"{key} should move");

        var read = RunFolder.Read(run.Folder);
        Assert.Equal(8, read.Train.Count);
        Assert.Equal([4L, 8L], read.Evals.Select(e => e.Step));
        Assert.True(read.Evals[^1].Metric("mIoU") is > 0 and <= 1);
        Assert.Equal(2, read.ReadSamples(read.Evals[^1])!.Samples.Count);
        Assert.True(File.Exists(result.Report));
    }

    [Fact]
    public void Resume_OfWganGp_WithCriticSteps_AndAnImagePool_ReproducesEveryLoss()
    {
        var options = new AdversarialRecipeOptions { Mode = GanMode.WganGp, PoolSize = 6, AdversarialRampSteps = 4 };
        var history = ResumeCheck.Run(_runs, seed => TinySetup.Gan(seed, options), steps: 6);
        Assert.All(history, r => Assert.Contains("D/gp", r.Losses.Keys));
    }

    [Fact]
    public void WganGp_RunsFiveCriticUpdatesPerStep_AndThePoolFillsUpToItsSize()
    {
        using var recipe = TinySetup.Gan(options: new AdversarialRecipeOptions { Mode = GanMode.WganGp, PoolSize = 6 });
        var counter = new UpdateCounter();
        new Trainer(recipe, new TrainerOptions { Steps = 3 }, callbacks: [counter]).Fit();
        Assert.All(counter.PerStep, c => Assert.Equal((5, 1), c));
        Assert.Equal(6, recipe.PoolCount);
    }

    [Theory]
    [InlineData(LabelEncoding.Scaling, GanMode.LsGan)]
    [InlineData(LabelEncoding.Product, GanMode.Hinge)]
    [InlineData(LabelEncoding.Basic, GanMode.RaLsGan)]
    public void EveryEncoding_AndGanMode_Trains(LabelEncoding encoding, GanMode mode)
    {
        Func<int, Discriminator>? product = encoding == LabelEncoding.Product ? c => PatchGan(imageChannels: 0, labelChannels: 3 * c, layers: 2, baseWidth: 8) : null;
        using var recipe = TinySetup.Gan(options: new AdversarialRecipeOptions { Encoding = encoding, Mode = mode }, discriminator: product);
        var result = new Trainer(recipe, new TrainerOptions { Steps = 2 }).Fit();
        Assert.All(result.History, r => Assert.True(double.IsFinite(r.Losses["G/adv"]) && double.IsFinite(r.Losses["D/total"])));
        Assert.True(result.Evaluations[^1].Metric("mIoU") is >= 0 and <= 1);
    }

    [Fact]
    public void ANonFiniteDiscriminatorLoss_StopsTraining_NamingTheTerm()
    {
        var poison = Loss.Custom("poison", LossInputs.FakeScores, ctx => ctx.FakeScores.mean() * double.NaN);
        using var recipe = TinySetup.Gan();
        var run = RunWriter.Create(_runs, "nan");
        var stop = new AtStepStart(3, () => recipe.DiscriminatorLoss += poison);
        var e = Assert.Throws<NonFiniteLossException>(() => new Trainer(recipe, new TrainerOptions { Steps = 6 }, run, [stop]).Fit());
        Assert.Equal("D/poison", e.Term);
        Assert.Equal(3, e.Step);
        Assert.Equal(2, Checkpoint.ReadStep(run.LastCheckpoint));
    }

    [Fact]
    public void Training_LeavesNoTensorsBehind()
    {
        using var recipe = TinySetup.Gan(options: new AdversarialRecipeOptions { Mode = GanMode.WganGp, PoolSize = 4, Encoding = LabelEncoding.Scaling });
        new Trainer(recipe, new TrainerOptions { Steps = 2 }).Fit(); // fills the pool and the optimizers' state
        var start = LiveTensors.Settled();
        new Trainer(recipe, new TrainerOptions { Steps = 3, EvaluateEvery = 2 }).Fit();
        Assert.Equal(start, LiveTensors.Settled());
    }

    [Fact]
    public void ADiscriminatorForOtherMaps_IsRefusedBeforeTraining_WithTheFix()
    {
        var e = Assert.Throws<ModelCompatibilityException>(() => TinySetup.Gan(discriminator: c => PatchGan(imageChannels: 3, labelChannels: c + 1, layers: 2)));
        Assert.Contains("labelChannels: 6", e.Message);
        var product = Assert.Throws<ModelCompatibilityException>(() =>
            TinySetup.Gan(options: new AdversarialRecipeOptions { Encoding = LabelEncoding.Product }));
        Assert.Contains("imageChannels: 0, labelChannels: 18", product.Message);
    }

    [Fact]
    public void LossesThatDoNotFitTheRecipe_AreRefusedBeforeTraining()
    {
        var noAdversary = Assert.Throws<LossConfigurationException>(() => TinySetup.Gan(loss: Loss.CrossEntropy() + Loss.Dice));
        Assert.Contains("no adversarial term", noAdversary.Message);
        var modes = Assert.Throws<LossConfigurationException>(() =>
            TinySetup.Gan(loss: Loss.CrossEntropy() + 0.01 * new AdversarialLoss(GanMode.LsGan), discriminatorLoss: Loss.Discriminator(GanMode.Vanilla)));
        Assert.Contains("LsGan", modes.Message);
        Assert.Contains("Vanilla", modes.Message);
        var needsImages = Assert.Throws<LossConfigurationException>(() => TinySetup.Gan(loss: Loss.L1 + Loss.Adversarial));
        Assert.Contains("'l1'", needsImages.Message);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => TinySetup.Gan(options: new AdversarialRecipeOptions { CriticSteps = 0 }));
        Assert.Contains("AdversarialRecipeOptions.CriticSteps", range.Message);
    }

    [Fact]
    public void ASegmenterForOtherClasses_IsRefused_NamingTheDataClasses()
    {
        var data = TinySetup.Data();
        using var segmenter = UNet(numClasses: 2, depth: 2, baseWidth: 8);
        using var d = PatchGan(labelChannels: 2, layers: 2);
        using var opt = SegGanLab.Torch.torch.optim.Adam(segmenter.parameters());
        var e = Assert.Throws<ModelCompatibilityException>(() => new AdversarialRecipe(segmenter, opt, null, d, data));
        Assert.Contains("numClasses: 6", e.Message);
        Assert.Contains("background, disc", e.Message);
    }
}
