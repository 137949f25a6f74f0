using SegGanLab.Losses;
using SegGanLab.Models;
using Xunit;
using static SegGanLab.Experiments.LossTerms;

namespace SegGanLab.Experiments.Tests;

public sealed class ValidationTests : RunsFolderTest
{
    static ExperimentConfigurationException Problems(Func<object> run)
    {
        var e = Assert.Throws<ExperimentConfigurationException>(run);
        Assert.Contains($"({e.Problems.Count} problem", e.Message);
        return e;
    }

    static void Has(ExperimentConfigurationException e, string verb, string text) =>
        Assert.Contains(e.Problems, p => p.Verb == verb && p.Message.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void EveryProblem_IsListedAtOnce_BeforeAnyFileIsWritten()
    {
        var e = Problems(() => Experiment.Supervised().Segmenter(Models.Models.UNet()).Discriminator(ModelSpec.PatchGan())
            .Loss(CE + Adv).Data(DataSpec.Synthetic(count: 8, size: 36)).Steps(0).Batch(0).Evaluate(every: 0).Device("cuda:7").Name("two words").Run());

        Has(e, "Discriminator", "trains no discriminator");
        Has(e, "Steps", "at least 1 step");
        Has(e, "Batch", "at least 1 sample");
        Has(e, "Evaluate", "every 1 or more steps");
        Has(e, "Device", "cuda:7");
        Has(e, "Name", "without spaces");
        Has(e, "Segmenter", "has 6 classes");
        Has(e, "Segmenter", "multiples of 16; got 36x36");
        Has(e, "Loss", "'adv' needs the discriminator's output on fakes");
        Assert.False(Directory.Exists(Runs));
    }

    [Fact]
    public void MissingData_AndMissingSegmenter_SayWhatToAdd()
    {
        var e = Problems(() => Experiment.Supervised().Run());
        Has(e, "Data", ".Data(Synthetic())");
        var e2 = Problems(() => Experiment.Supervised().Data(Tiny.Data).Summary());
        Has(e2, "Segmenter", ".Segmenter(UNet)");
    }

    [Fact]
    public void Gan_WithoutDiscriminator_IsAProblem()
    {
        var e = Problems(() => Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Data(Tiny.Data).Run());
        Has(e, "Discriminator", "needs a discriminator: add .Discriminator(PatchGan)");
    }

    [Fact]
    public void ClassProbabilityLoss_OnABinaryModel_IsAProblem()
    {
        var membrane = Tiny.WriteFolder(Path.Combine(Root, "membrane"), binary: true);
        var e = Problems(() => Experiment.Supervised().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Data(DataSpec.Membrane(membrane)).Loss(CE).Run());
        Has(e, "Loss", "loss term 'ce' needs multiclass logits");
        // The same data with a binary loss is fine: the model gets one logit channel from the data.
        var ok = Experiment.Supervised().Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Data(DataSpec.Membrane(membrane).Workers(0)).Loss(Bce + Dice).Batch(4).Steps(2).Run();
        Assert.Equal(2, ok.Steps);
    }

    [Fact]
    public void GeneratorThatDoesNotFitTheDiscriminator_IsAProblem()
    {
        var e = Problems(() => Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4))
            .Discriminator(Models.Models.PatchGan(imageChannels: 3, labelChannels: 4, layers: 2, baseWidth: 4)).Data(Tiny.Data).Run());
        Has(e, "Discriminator", "create the discriminator with labelChannels: 6");
    }

    [Fact]
    public void GanModeMismatch_BetweenTheTwoLosses_IsAProblem()
    {
        var e = Problems(() => Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4))
            .Loss(Dice + 0.01 * Adversarial(GanMode.LsGan)).DiscriminatorLoss(Loss.Discriminator(GanMode.Vanilla)).Data(Tiny.Data).Run());
        Has(e, "Loss", "use one GAN mode on both sides");
    }

    [Fact]
    public void BareAdversarialTerm_TakesTheRecipesMode_AnExplicitOtherModeStaysAProblem()
    {
        // Before .Mode carried to a bare Adv, this was "the generator's adversarial term uses Vanilla but ...".
        var summary = Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4))
            .Loss(Dice + 0.01 * Adv).Mode(GanMode.LsGan).Data(Tiny.Data).Summary();
        Assert.Equal("dice + 0.01 * adv", summary.Losses["G"]);

        var e = Problems(() => Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4))
            .Loss(Dice + 0.01 * Adversarial(GanMode.Hinge)).Mode(GanMode.LsGan).Data(Tiny.Data).Run());
        Has(e, "Loss", "uses Hinge but the discriminator's loss uses LsGan");
    }

    [Fact]
    public void GanLoss_WithoutAnAdversarialTerm_IsAProblem()
    {
        var e = Problems(() => Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4))
            .Loss(CE + Dice).Data(Tiny.Data).Run());
        Has(e, "Loss", "has no adversarial term");
    }

    [Fact]
    public void MissingDatasetFolder_AndBadRecipeOptions_AreProblems()
    {
        var e = Problems(() => Experiment.Gan().Generator(ModelSpec.UNet()).Discriminator(ModelSpec.PatchGan())
            .Data(DataSpec.CamVid(Path.Combine(Root, "nowhere"))).ImagePool(-1).Run());
        Has(e, "Data", "nowhere");
        Assert.DoesNotContain(e.Problems, p => p.Verb == "AdversarialRecipeOptions");   // models are not built without data
        var e2 = Problems(() => Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4))
            .Data(Tiny.Data).ImagePool(-1).Run());
        Has(e2, "AdversarialRecipeOptions", "PoolSize must be at least 0");
    }

    [Fact]
    public void BatchLargerThanTheData_AndAnInvalidOptimizer_AreProblems()
    {
        var e = Problems(() => Tiny.Supervised().Batch(64).Optimizer(OptimizerSpec.Adam(lr: -1)).Run());
        Has(e, "Batch", "fewer than the batch size 64");
        Has(e, "Optimizer", "Invalid learning rate");
    }

    [Fact]
    public void AFactoryWithRequiredParameters_IsRefusedWithTheFix()
    {
        var e = Assert.Throws<ArgumentException>(() => Experiment.Supervised().Segmenter((Func<int, UNet>)(width => Models.Models.UNet(baseWidth: width))));
        Assert.Contains("parameters without defaults (width)", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => Experiment.Supervised().Segmenter((Func<string>)(() => "unet")));
        Assert.Contains("not a model", e2.Message);
    }

    [Fact]
    public void BadStepScale_IsAProblem()
    {
        Environment.SetEnvironmentVariable("SEGGAN_STEP_SCALE", "fast");
        var e = Problems(() => Tiny.Supervised().Run());
        Has(e, "SEGGAN_STEP_SCALE", "'fast'");
    }
}
