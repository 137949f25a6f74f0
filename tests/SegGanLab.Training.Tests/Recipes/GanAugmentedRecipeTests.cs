using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Plots;
using Xunit;
using static SegGanLab.Models.Models;

namespace SegGanLab.Training.Tests.Recipes;

public sealed class GanAugmentedRecipeTests : TempRuns
{
    [Fact]
    public void GanAugmented_TrainsAllThreeModels_AndShowsSyntheticPairs()
    {
        using var recipe = TinySetup.Augmented();
        var run = RunWriter.Create(Runs, "augmented");
        var counter = new UpdateCounter();
        var result = new Trainer(recipe, new TrainerOptions { Steps = 4, EvaluateEvery = 4 }, run, [counter]).Fit();

        Assert.All(counter.PerStep, c => Assert.Equal((1, 2), c));     // D, then G and S
        foreach (var r in result.History)
        {
            Assert.Equal(["D/real", "D/fake", "D/total", "G/adv", "G/total", "S/ce", "S/total"], r.Losses.Keys);
            Assert.Equal(["D", "G", "S"], r.LearningRates.Keys.Order());
        }
        foreach (var key in new[] { "S/ce", "G/adv", "D/real", "D/fake" })
            Assert.True(result.History.Select(r => r.Losses[key]).Distinct().Count() > 1, $"{key} should move");

        var read = RunFolder.Read(run.Folder);
        Assert.True(read.Evals[^1].Metric("mIoU") is > 0 and <= 1);
        var samples = read.ReadSamples(read.Evals[^1])!;
        Assert.Equal(2, samples.Samples.Count);                        // the validation triples, as for any segmentation run
        foreach (var k in new[] { 0, 1, 2 })
        {
            Assert.True(File.Exists(Path.Combine(samples.Directory, $"synthetic-{k}.png")));
            Assert.True(File.Exists(Path.Combine(samples.Directory, $"synthetic-mask-{k}.png")));
        }
        Assert.True(File.Exists(result.Report));
    }

    [Fact]
    public void SyntheticSamples_JoinTheSegmentersBatch_FromTheStartStep_LeavingTheGanAlone()
    {
        Dictionary<string, double> FirstStep(long start)
        {
            using var recipe = TinySetup.Augmented(options: new GanAugmentedRecipeOptions { AugmentStart = start, SyntheticSamples = 0 });
            return new Dictionary<string, double>(new Trainer(recipe, new TrainerOptions { Steps = 1 }).Fit().History[0].Losses);
        }
        var real = FirstStep(start: 5);
        var augmented = FirstStep(start: 0);
        Assert.NotEqual(real["S/ce"], augmented["S/ce"]);
        foreach (var key in new[] { "G/adv", "D/real", "D/fake" }) Assert.Equal(real[key], augmented[key]);
    }

    [Fact]
    public void Resume_ReproducesEveryLoss_IncludingTheNoiseStream()
    {
        var options = new GanAugmentedRecipeOptions { AugmentStart = 1, SyntheticRatio = 1.5, Mode = GanMode.LsGan, SyntheticSamples = 0 };
        RecipeChecks.Resume(Runs, seed => TinySetup.Augmented(seed, options), steps: 4);
    }

    [Fact]
    public void Training_LeavesNoTensorsBehind()
    {
        using var recipe = TinySetup.Augmented();
        RecipeChecks.NoLeaks(recipe, warmup: 2, steps: 4);
    }

    [Fact]
    public void SetupsThatCannotWork_AreRefused_WithTheFix()
    {
        using (var small = TinySetup.Augmented(outputSize: 16))
        {
            var size = Assert.Throws<ModelCompatibilityException>(() => new Trainer(small, new TrainerOptions { Steps = 1 }).Fit());
            Assert.Contains("32x32", size.Message);
            Assert.Contains("16x16", size.Message);
        }
        var data = TinySetup.Data();
        using var segmenter = TinySetup.Segmenter(data);
        using var opt = SegGanLab.Torch.torch.optim.Adam(segmenter.parameters());
        using var fewClasses = DcganJoint(latentSize: 8, numClasses: 3, outputSize: 32, baseWidth: 8);
        using var pairs = PatchGan(imageChannels: 3, labelChannels: 6, layers: 2);
        var classes = Assert.Throws<ModelCompatibilityException>(() => new GanAugmentedRecipe(segmenter, opt, null, fewClasses, pairs, data));
        Assert.Contains("numClasses: 6", classes.Message);
        using var generator = DcganJoint(latentSize: 8, numClasses: 6, outputSize: 32, baseWidth: 8);
        using var masksOnly = PatchGan(imageChannels: 0, labelChannels: 6, layers: 2);
        var judge = Assert.Throws<ModelCompatibilityException>(() => new GanAugmentedRecipe(segmenter, opt, null, generator, masksOnly, data));
        Assert.Contains("imageChannels: 3, labelChannels: 6", judge.Message);
        var adversarial = Assert.Throws<LossConfigurationException>(() =>
            new GanAugmentedRecipe(segmenter, opt, null, generator, pairs, data, loss: Loss.CrossEntropy() + Loss.Adversarial));
        Assert.Contains("remove 'adv'", adversarial.Message);
    }
}
