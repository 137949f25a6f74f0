using SegGanLab.Experiments.Tests.Fixtures;
using SegGanLab.Losses;
using SegGanLab.Plots;
using Xunit;

namespace SegGanLab.Experiments.Tests;

public sealed class DeblurExperimentTests : RunsFolderTest
{
    /// <summary>A 6-block residual ResNet generator of width 4 and an unconditional 2-layer PatchGAN; 7x7 kernels.</summary>
    static DeblurExperiment Tiny4() =>
        Experiment.Deblur().Generator(ModelSpec.ResNetGenerator(blocks: 6, baseWidth: 4, residualOutput: true)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4))
            .MotionBlur(kernelSize: 7).Data(Tiny.Data).Batch(4).Steps(4).Evaluate(every: 2);

    /// <summary>A VGG-19 feature file with random weights: what the perceptual term loads, made here instead of downloaded.</summary>
    string VggWeights()
    {
        var path = Path.Combine(Root, "vgg19_features.safetensors");
        using var vgg = new Vgg19Features();
        vgg.save(path);
        return path;
    }

    [Fact]
    public void Deblur_RunsEndToEnd_ItsLossesMove_ReportsPsnrAndSsim_AndMarksOptions()
    {
        var run = Tiny4().LossWeights(perceptual: 0).Run();

        Assert.Equal(("deblur", 4L), (run.Recipe, run.Steps));
        Assert.Equal(["D/real", "D/fake", "D/total", "G/l2", "G/adv", "G/total"], run.History[0].Losses.Keys);
        RecipeChecks.LossesMove(run, "G/l2", "G/adv", "G/total", "D/total");
        var folder = RunFolder.Read(run.Folder);
        Assert.True(folder.IsDeblur);
        Assert.Equal(["PSNR", "SSIM"], folder.Evals[^1].Metrics.Keys);
        Assert.InRange(run.Evaluations[^1].Metric("PSNR"), 5, 60);

        var options = RecipeChecks.Options(run);
        Assert.Equal("resnet_6blocks", options["generator"].ValueText);
        Assert.Equal("resnet_9blocks", options["generator"].DefaultText);
        Assert.Equal("0", options["discriminator.image_channels"].ValueText);
        Assert.Equal("0.5 * l2 + 0.001 * adv", options["loss"].ValueText);
        Assert.True(options["deblur.perceptual_weight"].Differs);
        Assert.False(options["deblur.mode"].Differs);
        Assert.Equal("Motion", options["deblur.blur.kind"].ValueText);
        Assert.True(options["deblur.blur.kernel_size"].Differs);
        Assert.Equal(0.0001, options["optimizer.lr"].Value.GetDouble());
    }

    [Fact]
    public void DeblurGanV1_WithAVggFile_TrainsItsPerceptualAndGradientPenaltyTerms_AndResumesExactly()
    {
        var v1 = Tiny4().DeblurGanV1().PerceptualWeights(VggWeights()).GaussianBlur(kernelSize: 5).Steps(2).Evaluate(every: 2);
        var full = v1.Run();
        Assert.Equal(["D/real", "D/fake", "D/gp", "D/total", "G/perceptual", "G/adv", "G/total"], full.History[0].Losses.Keys);
        Assert.All(full.History, h => Assert.True(h.Losses["G/perceptual"] > 0));
        var options = RecipeChecks.Options(full);
        Assert.Equal("WganGp", options["deblur.mode"].ValueText);
        Assert.Equal("RaLsGan", options["deblur.mode"].DefaultText);
        Assert.Equal("Gaussian", options["deblur.blur.kind"].ValueText);
        Assert.Equal(100, options["deblur.perceptual_weight"].Value.GetDouble());

        var half = v1.Callbacks(new StopAfter(1)).Run();
        var resumed = v1.Resume(half.Folder);
        Assert.Equal(RecipeChecks.Totals(full, "G"), RecipeChecks.Totals(resumed, "G"));
        Assert.Equal(RecipeChecks.Totals(full, "D"), RecipeChecks.Totals(resumed, "D"));
    }

    [Fact]
    public void InvalidCombinations_AndAMissingPerceptualFile_AreReported_WithTheirFixes()
    {
        var saved = Environment.GetEnvironmentVariable(PerceptualLoss.WeightsVariable);
        Environment.SetEnvironmentVariable(PerceptualLoss.WeightsVariable, null);
        try
        {
            var noWeights = Problems(() => Tiny4().Run());
            Has(noWeights, "Loss", "needs VGG-19 weights");
            Has(noWeights, "Loss", "export_vgg19_features.py");
            var missing = Problems(() => Tiny4().PerceptualWeights(Path.Combine(Root, "missing.safetensors")).Run());
            Has(missing, "Loss", "missing.safetensors' does not exist");
        }
        finally
        {
            Environment.SetEnvironmentVariable(PerceptualLoss.WeightsVariable, saved);
        }

        var noDiscriminator = Problems(() => Experiment.Deblur().Data(Tiny.Data).LossWeights(perceptual: 0).Run());
        Has(noDiscriminator, "Discriminator", "needs a discriminator: add .Discriminator(PatchGan)");
        var e = Problems(() => Experiment.Deblur().Generator(Models.Models.ResNetGenerator(blocks: 1, outChannels: 1, baseWidth: 4))
            .Discriminator(Models.Models.PatchGan(imageChannels: 0, labelChannels: 6, layers: 2)).LossWeights(perceptual: 0)
            .DiscriminatorLoss(Loss.Discriminator(GanMode.Vanilla)).Data(Tiny.Data).Run());
        Has(e, "Generator", "outChannels: 3");
        Has(e, "Loss", "use one GAN mode on both sides");
        var d = Problems(() => Tiny4().Discriminator(Models.Models.PatchGan(imageChannels: 0, labelChannels: 6, layers: 2)).LossWeights(perceptual: 0).Run());
        Has(d, "Discriminator", "labelChannels: 3");
        Assert.False(Directory.Exists(Runs));
    }

    static ExperimentConfigurationException Problems(Func<object> run) => Assert.Throws<ExperimentConfigurationException>(run);

    static void Has(ExperimentConfigurationException e, string verb, string text) =>
        Assert.True(e.Problems.Any(p => p.Verb == verb && p.Message.Contains(text, StringComparison.Ordinal)), e.Message);
}
