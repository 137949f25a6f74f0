using SegGanLab.Experiments.Tests.Fixtures;
using SegGanLab.Plots;
using Xunit;
using static SegGanLab.Experiments.LossTerms;

namespace SegGanLab.Experiments.Tests;

public sealed class SemiSupervisedExperimentTests : RunsFolderTest
{
    /// <summary>Half the tiny scenes labelled, a small U-Net and Hung et al.'s discriminator of width 8; pseudo-labels from step 2.</summary>
    static SemiSupervisedExperiment Tiny4() =>
        Experiment.SemiSupervised().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.HungDiscriminator(baseWidth: 8))
            .Data(Tiny.Data).Labelled(0.5).SemiStart(2).MaskThreshold(0.1).Optimizer(OptimizerSpec.Adam(lr: 1e-2)).Batch(4).Steps(4).Evaluate(every: 2);

    [Fact]
    public void SemiSupervised_RunsEndToEnd_ItsLossesMove_AndOptionsJsonMarksWhatWasSet()
    {
        var run = Tiny4().Run();

        Assert.Equal(("semi", 4L), (run.Recipe, run.Steps));
        Assert.All(run.History, h => Assert.Superset(new HashSet<string> { "G/ce", "G/adv", "G/semi_adv", "G/semi_ce", "G/total", "D/fake", "D/real", "D/total" }, h.Losses.Keys.ToHashSet()));
        RecipeChecks.LossesMove(run, "G/total", "G/adv", "G/semi_adv", "D/total");
        Assert.InRange(run.Evaluations[^1].Metric("mIoU"), 0, 1);

        var options = RecipeChecks.Options(run);
        Assert.Equal("semi", RunFolder.Read(run.Folder).Options!.Recipe);
        Assert.Equal("hung_fcd", options["discriminator"].ValueText);
        Assert.False(options["discriminator"].Differs);
        Assert.True(options["discriminator.base_width"].Differs);
        Assert.Equal(2, options["semi.semi_start"].Value.GetInt64());
        Assert.Equal(5000, options["semi.semi_start"].Default!.Value.GetInt64());
        Assert.True(options["semi.mask_threshold"].Differs);
        Assert.True(options["semi.labelled_fraction"].Differs);
        Assert.False(options["semi.lambda_adv"].Differs);
        Assert.Equal(0.01, options["semi.lambda_adv"].Value.GetDouble());
        Assert.Equal(1e-4, options["discriminator_optimizer.lr"].Value.GetDouble());
    }

    [Fact]
    public void Summary_UsesHungsDiscriminatorByDefault_AndStepScaleScalesSemiStart()
    {
        var summary = Experiment.SemiSupervised().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Data(Tiny.Data).Labelled(0.25).Batch(4).Summary();
        Assert.Equal(["segmenter", "discriminator"], summary.Models.Select(m => m.Part));
        Assert.Equal("hung_fcd", summary.Models[1].Description);
        Assert.Contains(summary.DataLines, l => l.StartsWith("unlabelled:", StringComparison.Ordinal) && l.Contains("12 samples"));
        Assert.True(double.IsFinite(summary.LossValues["G/semi_adv"]));

        Environment.SetEnvironmentVariable("SEGGAN_STEP_SCALE", "0.5");
        var scaled = Tiny4().SemiStart(4).Run();
        Assert.Equal(2, scaled.Steps);
        Assert.Equal(2, RecipeChecks.Options(scaled)["semi.semi_start"].Value.GetInt64());
    }

    [Fact]
    public void Resume_OfAnInterruptedSemiRun_EqualsTheUninterruptedRun()
    {
        var full = Tiny4().Run();
        var half = Tiny4().Callbacks(new StopAfter(2)).Run();
        var resumed = Tiny4().Resume(half.Folder);
        Assert.Equal(RecipeChecks.Totals(full, "G"), RecipeChecks.Totals(resumed, "G"));
        Assert.Equal(RecipeChecks.Totals(full, "D"), RecipeChecks.Totals(resumed, "D"));
    }

    [Fact]
    public void InvalidCombinations_AreReported_WithTheirFixes()
    {
        var noUnlabelled = Problems(() => Experiment.SemiSupervised().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Data(Tiny.Data).Run());
        Has(noUnlabelled, "Labelled", "add .Labelled(0.125)");

        var e = Problems(() => Experiment.SemiSupervised().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4))
            .Discriminator(Models.Models.HungDiscriminator(labelChannels: 4, baseWidth: 8)).Loss(CE + 0.01 * Adv)
            .DiscriminatorLoss(Losses.Loss.Discriminator(Losses.GanMode.LsGan)).Data(Tiny.Data).Labelled(0.5).MaskThreshold(2).Run());
        Has(e, "Discriminator", "6");
        Has(e, "Loss", "remove 'adv'");
        Has(e, "DiscriminatorLoss", "remove .DiscriminatorLoss");
        Has(e, "SemiSupervisedRecipeOptions", "MaskThreshold");

        var badFraction = Problems(() => Experiment.SemiSupervised().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Data(Tiny.Data).Labelled(0).Run());
        Has(badFraction, "Labelled", "(0, 1]");

        var twoClasses = Tiny.WriteFolder(Path.Combine(Root, "two-classes"), count: 8);
        var otherClasses = Problems(() => Experiment.SemiSupervised().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Data(Tiny.Data)
            .Unlabelled(DataSpec.Folder(twoClasses)).Run());
        Has(otherClasses, "Unlabelled", "other classes");
        Assert.False(Directory.Exists(Runs));
    }

    static ExperimentConfigurationException Problems(Func<object> run) => Assert.Throws<ExperimentConfigurationException>(run);

    static void Has(ExperimentConfigurationException e, string verb, string text) =>
        Assert.True(e.Problems.Any(p => p.Verb == verb && p.Message.Contains(text, StringComparison.Ordinal)), e.Message);
}
