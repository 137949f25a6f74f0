using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Plots;
using Xunit;
using static SegGanLab.Models.Models;

namespace SegGanLab.Training.Tests.Recipes;

public sealed class SemiSupervisedRecipeTests : TempRuns
{
    [Fact]
    public void Semi_TrainsEndToEnd_WithItsTermsFromTheirStartSteps_AndTheRunFolderReadsBack()
    {
        using var recipe = TinySetup.Semi();
        var run = RunWriter.Create(Runs, "semi");
        var result = new Trainer(recipe, new TrainerOptions { Steps = 6, EvaluateEvery = 3 }, run).Fit();

        foreach (var r in result.History)
        {
            Assert.Equal(r.Losses["G/total"], r.Losses["G/ce"] + r.Losses["G/adv"] + r.Losses["G/semi_adv"] + r.Losses["G/semi_ce"], 5);
            Assert.Equal(r.Losses["D/total"], r.Losses["D/fake"] + r.Losses["D/real"], 5);
            Assert.True(r.Losses["G/semi_adv"] > 0, "unlabelled batches are judged from the first step (semi_start_adv 0)");
        }
        // semi_start = 2: pseudo-labels from step 3, with the fraction of confident pixels logged.
        Assert.All(result.History.Take(2), r => Assert.Equal(0.0, r.Losses["G/semi_ce"]));
        Assert.All(result.History.Take(2), r => Assert.DoesNotContain("G/semi_ratio", r.Losses.Keys));
        Assert.All(result.History.Skip(2), r => Assert.True(r.Losses["G/semi_ratio"] is >= 0 and <= 1));
        Assert.Contains(result.History.Skip(2), r => r.Losses["G/semi_ce"] > 0);
        foreach (var key in new[] { "G/ce", "G/adv", "D/fake", "D/real" })
            Assert.True(result.History.Select(r => r.Losses[key]).Distinct().Count() > 1, $"{key} should move");

        var read = RunFolder.Read(run.Folder);
        Assert.Equal(6, read.Train.Count);
        Assert.True(read.Evals[^1].Metric("mIoU") is > 0 and <= 1);
        Assert.True(File.Exists(result.Report));
    }

    [Fact]
    public void Resume_ReproducesEveryLoss_IncludingTheUnlabelledStreamsPosition()
    {
        var options = new SemiSupervisedRecipeOptions { SemiStart = 2, SemiAdversarialStart = 1 };
        var history = RecipeChecks.Resume(Runs, seed => TinySetup.Semi(seed, options), steps: 6);
        Assert.Equal(0.0, history[0].Losses["G/semi_adv"]);
        Assert.True(history[1].Losses["G/semi_adv"] > 0);
    }

    [Fact]
    public void ANonFiniteLoss_NamesTheTerm()
    {
        var poison = Loss.Custom("poison", LossInputs.Logits, ctx => ctx.Logits!.mean() * double.NaN);
        using var recipe = TinySetup.Semi();
        var stop = new AtStepStart(2, () => recipe.Loss += poison);
        var e = Assert.Throws<NonFiniteLossException>(() => new Trainer(recipe, new TrainerOptions { Steps = 4 }, callbacks: [stop]).Fit());
        Assert.Equal("G/poison", e.Term);
        Assert.Equal(2, e.Step);
    }

    [Fact]
    public void Training_LeavesNoTensorsBehind()
    {
        using var recipe = TinySetup.Semi(options: new SemiSupervisedRecipeOptions { SemiStart = 0 });
        RecipeChecks.NoLeaks(recipe, warmup: 2, steps: 3);
    }

    [Fact]
    public void SetupsThatCannotWork_AreRefusedBeforeTraining()
    {
        var channels = Assert.Throws<ModelCompatibilityException>(() => TinySetup.Semi(discriminator: c => HungDiscriminator(labelChannels: c - 1, baseWidth: 8)));
        Assert.Contains("labelChannels: 6", channels.Message);

        var data = TinySetup.Data();
        using var segmenter = TinySetup.Segmenter(data);
        using var d = HungDiscriminator(labelChannels: 6, baseWidth: 8);
        using var opt = SegGanLab.Torch.torch.optim.Adam(segmenter.parameters());
        var own = Assert.Throws<LossConfigurationException>(() =>
            new SemiSupervisedRecipe(segmenter, opt, null, d, data, data.Train, loss: Loss.CrossEntropy() + 0.01 * Loss.Adversarial));
        Assert.Contains("remove 'adv'", own.Message);
        var binary = new DataLoader(new ForegroundScenes(Datasets.Synthetic(8, 32, 32)));
        var other = Assert.Throws<ArgumentException>(() => new SemiSupervisedRecipe(segmenter, opt, null, d, data, binary));
        Assert.Contains("LabelledUnlabelled", other.Message);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SemiSupervisedRecipe(segmenter, opt, null, d, data, data.Train, new SemiSupervisedRecipeOptions { MaskThreshold = 2 }));
        Assert.Contains("SemiSupervisedRecipeOptions.MaskThreshold", range.Message);
    }

    /// <summary>Synthetic scenes as a binary task (background, shape): another class list than the scenes'.</summary>
    sealed class ForegroundScenes(SegmentationDataset scenes) : SegmentationDataset
    {
        public override string Name => "foreground scenes";
        public override DatasetClasses Classes { get; } = new(["background", "shape"], binary: true);
        public override int Count => scenes.Count;
        public override string SampleName(int index) => scenes.SampleName(index);
        protected override SegmentationSample Load(int index)
        {
            var s = scenes.Get(index);
            return s.With(s.Width, s.Height, s.Image, s.Mask.Select(m => (byte)(m == 0 ? 0 : 1)).ToArray());
        }
    }
}
