using SegGanLab.Scripting;
using Xunit;

namespace SegGanLab.Experiments.Tests;

/// <summary>The three recipe entry points written with the script defaults' bare names, compiled and run as a user's script would be.</summary>
public sealed class RecipeScriptTests : RunsFolderTest
{
    // The cards as a user writes them (the literature's models), compiled but not run.
    const string Cards = """
        System.Func<ExperimentResult> semi = () => Experiment.SemiSupervised().Segmenter(UNet).Discriminator(HungDiscriminator).Data(Synthetic())
            .Labelled(0.125).SemiStart(1000).MaskThreshold(0.2).LambdaAdv(0.01).LambdaSemiAdv(0.001).LambdaSemi(0.1).Run();
        System.Func<ExperimentResult> augmented = () => Experiment.GanAugmented().Segmenter(UNet).Generator(DcganJoint).Discriminator(PatchGan)
            .Loss(CE + Dice).NoiseSize(64).SyntheticRatio(0.5).AugmentStart(500).Data(Synthetic(size: 64)).Run();
        System.Func<ExperimentResult> deblur = () => Experiment.Deblur().Generator(ResNetGenerator).Discriminator(PatchGan).MotionBlur()
            .DeblurGanV1().PerceptualWeights("vgg19_features.safetensors").Data(Synthetic()).Run();
        """;

    // Small versions of the same, one step each.
    const string Data = "Synthetic(count: 16, size: 32, valCount: 8).Workers(0)";
    const string Small = """
        var s = Experiment.SemiSupervised().Segmenter(UNet(depth: 2, baseWidth: 4)).Discriminator(HungDiscriminator(baseWidth: 8)).Data(DATA)
            .Labelled(0.5).Batch(4).Steps(1).Run();
        var a = Experiment.GanAugmented().Segmenter(UNet(depth: 2, baseWidth: 4)).Generator(DcganJoint(baseWidth: 8)).NoiseSize(16)
            .Discriminator(PatchGan(layers: 2, baseWidth: 4)).Data(DATA).Batch(4).Steps(1).Run();
        var d = Experiment.Deblur().Generator(ResNetGenerator(blocks: 6, baseWidth: 4)).Discriminator(PatchGan(layers: 2, baseWidth: 4))
            .GaussianBlur(kernelSize: 5).LossWeights(perceptual: 0).Data(DATA).Batch(4).Steps(1).Run();
        new[] { s, a, d }
        """;

    [Fact]
    public async Task EachRecipe_CompilesWithBareNames_AndRunsAsAScript()
    {
        using var session = new ScriptSession();
        var cards = await session.ExecuteAsync(Cards);
        Assert.True(cards.Error is null, cards.Error?.Message);

        var run = await session.ExecuteAsync(Small.Replace("DATA", Data));
        Assert.True(run.Error is null, run.Error?.Message);
        var results = Assert.IsType<ExperimentResult[]>(run.Value);
        Assert.Equal(["semi", "gan-augmented", "deblur"], results.Select(r => r.Recipe));
        Assert.All(results, r => Assert.Equal(1, r.Steps));
        Assert.True(results[1].History[0].Losses.ContainsKey("S/total"));
        Assert.True(results[2].Evaluations[^1].Metrics.ContainsKey("PSNR"));
    }
}
