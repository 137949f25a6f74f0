using SegGanLab.Experiments.Tests.Fixtures;
using SegGanLab.Plots;
using Xunit;
using static SegGanLab.Experiments.LossTerms;

namespace SegGanLab.Experiments.Tests;

public sealed class GanAugmentedExperimentTests : RunsFolderTest
{
    /// <summary>A small U-Net, a DCGAN pair generator of width 8 (noise 16) and a 2-layer PatchGAN on pairs; synthetic samples from step 2.</summary>
    static GanAugmentedExperiment Tiny4() =>
        Experiment.GanAugmented().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Generator(ModelSpec.DcganJoint(baseWidth: 8)).NoiseSize(16)
            .Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4)).Data(Tiny.Data).AugmentStart(2).SyntheticRatio(0.5).SyntheticSamples(2)
            .Optimizer(OptimizerSpec.Adam(lr: 1e-2)).Batch(4).Steps(4).Evaluate(every: 2);

    [Fact]
    public void GanAugmented_RunsEndToEnd_ItsLossesMove_SavesSyntheticPairs_AndMarksOptions()
    {
        var run = Tiny4().Run();

        Assert.Equal(("gan-augmented", 4L), (run.Recipe, run.Steps));
        RecipeChecks.LossesMove(run, "S/ce", "S/total", "G/adv", "D/real", "D/fake");
        Assert.InRange(run.Evaluations[^1].Metric("mIoU"), 0, 1);
        var folder = RunFolder.Read(run.Folder);
        Assert.True(File.Exists(Path.Combine(run.Folder, folder.Evals[^1].Samples!, "synthetic-0.png")));

        var options = RecipeChecks.Options(run);
        Assert.Equal("dcgan_joint", options["generator"].ValueText);
        Assert.Equal(16, options["generator.latent_size"].Value.GetInt64());
        Assert.True(options["generator.latent_size"].Differs);
        Assert.Equal(32, options["generator.output_size"].Value.GetInt64());
        Assert.False(options["generator.output_size"].Differs);
        Assert.Equal(2, options["gan_augmented.augment_start"].Value.GetInt64());
        Assert.Equal(1000, options["gan_augmented.augment_start"].Default!.Value.GetInt64());
        Assert.False(options["gan_augmented.synthetic_ratio"].Differs);
        Assert.Equal(0.0002, options["generator_optimizer.lr"].Value.GetDouble());
        Assert.Equal(0.01, options["optimizer.lr"].Value.GetDouble());

        // The segmenter (role S) is what SavedExperiment evaluates.
        using var saved = SavedExperiment.Load(run.Folder);
        Assert.InRange(saved.Evaluate().MeanIoU, 0, 1);
    }

    [Fact]
    public void Resume_OfAnInterruptedRun_EqualsTheUninterruptedRun_AndStepScaleScalesTheStart()
    {
        var full = Tiny4().Run();
        var half = Tiny4().Callbacks(new StopAfter(2)).Run();
        var resumed = Tiny4().Resume(half.Folder);
        Assert.Equal(RecipeChecks.Totals(full, "S"), RecipeChecks.Totals(resumed, "S"));
        Assert.Equal(RecipeChecks.Totals(full, "D"), RecipeChecks.Totals(resumed, "D"));

        Environment.SetEnvironmentVariable("SEGGAN_STEP_SCALE", "0.5");
        var summary = Tiny4().AugmentStart(6).Summary();
        Assert.Contains(summary.Training, t => t.Key == "steps" && t.Value.StartsWith("2 ", StringComparison.Ordinal));
        var scaled = Tiny4().AugmentStart(6).Steps(2).Run();
        Assert.Equal(3, RecipeChecks.Options(scaled)["gan_augmented.augment_start"].Value.GetInt64());
    }

    [Fact]
    public void InvalidCombinations_AreReported_WithTheirFixes()
    {
        var noDiscriminator = Problems(() => Experiment.GanAugmented().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Data(Tiny.Data).Run());
        Has(noDiscriminator, "Discriminator", "needs a discriminator: add .Discriminator(PatchGan)");

        var e = Problems(() => Experiment.GanAugmented().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4))
            .Generator(Models.Models.DcganJoint(numClasses: 3, outputSize: 64, baseWidth: 8))
            .Discriminator(Models.Models.PatchGan(imageChannels: 3, labelChannels: 4, layers: 2)).Loss(CE + Adv).Data(Tiny.Data).SyntheticRatio(-1).Run());
        Has(e, "Generator", "3-class masks");
        Has(e, "Generator", "draws 64x64 pairs but the training samples are 32x32");
        Has(e, "Discriminator", "labelChannels: 3");
        Has(e, "Loss", "remove 'adv'");
        Has(e, "GanAugmentedRecipeOptions", "SyntheticRatio");

        var module = Assert.Throws<ArgumentException>(() => Experiment.GanAugmented().Generator(Models.Models.DcganJoint()).NoiseSize(8));
        Assert.Contains("latentSize: 8", module.Message);
        Assert.False(Directory.Exists(Runs));
    }

    static ExperimentConfigurationException Problems(Func<object> run) => Assert.Throws<ExperimentConfigurationException>(run);

    static void Has(ExperimentConfigurationException e, string verb, string text) =>
        Assert.True(e.Problems.Any(p => p.Verb == verb && p.Message.Contains(text, StringComparison.Ordinal)), e.Message);
}
