using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Plots;
using Xunit;
using static SegGanLab.Models.Models;

namespace SegGanLab.Training.Tests.Recipes;

public sealed class DeblurRecipeTests : TempRuns
{
    /// <summary>A VGG-19 feature file with random weights: what the perceptual term loads, made here instead of downloaded.</summary>
    string VggWeights()
    {
        var path = Path.Combine(Runs, "vgg19_features.safetensors");
        using var vgg = new Vgg19Features();
        vgg.save(path);
        return path;
    }

    [Fact]
    public void Deblur_TrainsEndToEnd_ReportsPsnrAndSsim_AndWritesDeblurSamples()
    {
        using var recipe = TinySetup.Deblur(loss: Loss.L1 + Loss.L2 + 0.01 * new AdversarialLoss(GanMode.RaLsGan));
        var run = RunWriter.Create(Runs, "deblur");
        var result = new Trainer(recipe, new TrainerOptions { Steps = 4, EvaluateEvery = 2 }, run).Fit();

        Assert.Equal("PSNR", result.PrimaryMetric);
        foreach (var r in result.History)
        {
            Assert.Equal(["D/real", "D/fake", "D/total", "G/l1", "G/l2", "G/adv", "G/total"], r.Losses.Keys);
            Assert.Equal(r.Losses["G/total"], r.Losses["G/l1"] + r.Losses["G/l2"] + r.Losses["G/adv"], 5);
        }
        foreach (var key in new[] { "G/l2", "G/adv", "D/real", "D/fake" })
            Assert.True(result.History.Select(r => r.Losses[key]).Distinct().Count() > 1, $"{key} should move");

        var read = RunFolder.Read(run.Folder);
        Assert.True(read.IsDeblur);
        Assert.Equal(["PSNR", "SSIM"], read.Evals[^1].Metrics.Keys);
        Assert.True(read.Evals[^1].Metric("PSNR") is > 5 and < 60);
        Assert.True(read.Evals[^1].Metric("SSIM") is > 0 and <= 1);
        var samples = read.ReadSamples(read.Evals[^1])!;
        Assert.Equal(SampleKind.Deblur, samples.Kind);
        Assert.Equal(2, samples.Samples.Count);
        Assert.True(File.Exists(result.BestCheckpoint));
        Assert.True(File.Exists(result.Report));
    }

    [Fact]
    public void TheDefaultLoss_OfDeblurGanV2_RunsItsPerceptualTermOnAVggFileMadeHere()
    {
        using var recipe = TinySetup.Deblur(options: new DeblurRecipeOptions { PerceptualWeights = VggWeights() }, defaultLoss: true);
        var result = new Trainer(recipe, new TrainerOptions { Steps = 2 }).Fit();
        Assert.All(result.History, r => Assert.Equal(["D/real", "D/fake", "D/total", "G/l2", "G/perceptual", "G/adv", "G/total"], r.Losses.Keys));
        Assert.All(result.History, r => Assert.True(r.Losses["G/perceptual"] > 0));
    }

    [Fact]
    public void Resume_OfDeblurGanV1_WithFiveCriticSteps_ReproducesEveryLoss()
    {
        var options = DeblurRecipeOptions.V1 with { PerceptualWeights = VggWeights() };
        var history = RecipeChecks.Resume(Runs, seed => TinySetup.Deblur(seed, options, defaultLoss: true), steps: 4);
        Assert.All(history, r => Assert.Equal(["D/real", "D/fake", "D/gp", "D/total", "G/perceptual", "G/adv", "G/total"], r.Losses.Keys));
    }

    [Fact]
    public void Training_LeavesNoTensorsBehind()
    {
        using var recipe = TinySetup.Deblur(options: DeblurRecipeOptions.V1, loss: Loss.L2 + new AdversarialLoss(GanMode.WganGp));
        RecipeChecks.NoLeaks(recipe, warmup: 1, steps: 2);
    }

    [Fact]
    public void SetupsThatCannotWork_AreRefused_WithTheFix()
    {
        var noWeights = Assert.Throws<LossConfigurationException>(() =>
            TinySetup.Deblur(options: new DeblurRecipeOptions { PerceptualWeights = Path.Combine(Runs, "missing.safetensors") }, defaultLoss: true));
        Assert.Contains("does not exist", noWeights.Message);
        Assert.Contains("export_vgg19_features.py", noWeights.Message);

        var data = TinySetup.Data();
        using var gray = ResNetGenerator(blocks: 1, inChannels: 3, outChannels: 1, baseWidth: 8);
        using var d = PatchGan(imageChannels: 0, labelChannels: 3, layers: 2);
        using var opt = SegGanLab.Torch.torch.optim.Adam(gray.parameters());
        var channels = Assert.Throws<ModelCompatibilityException>(() => new DeblurRecipe(gray, opt, null, d, data, loss: Loss.L2 + Loss.Adversarial));
        Assert.Contains("outChannels: 3", channels.Message);
        using var generator = ResNetGenerator(blocks: 1, baseWidth: 8, residualOutput: true);
        using var masks = PatchGan(imageChannels: 3, labelChannels: 6, layers: 2);
        var judge = Assert.Throws<ModelCompatibilityException>(() => new DeblurRecipe(generator, opt, null, masks, data, loss: Loss.L2 + Loss.Adversarial));
        Assert.Contains("labelChannels: 3", judge.Message);
    }
}
