using Xunit;

namespace SegGanLab.Losses.Tests.Algebra;

/// <summary>Building expressions: names, weights, merging, and the errors of bad combinations.</summary>
public class LossExpressionTests
{
    [Fact]
    public void BriefExamples_KeepTheirNamesAndWeights()
    {
        Assert.Equal("dice + 0.01 * adv", (Loss.Dice + 0.01 * Loss.Adversarial).ToString());
        Assert.Equal("ce + dice", (Loss.CrossEntropy([1, 2, 3]) + Loss.Dice).ToString());
        var restoration = 2 * (Loss.L1 + Loss.Perceptual);
        Assert.Equal([("l1", 2.0), ("perceptual", 2.0)], restoration.Terms.Select(t => (t.Name, t.Weight)));
    }

    [Fact]
    public void Select_ReplacesTermsInOrder_AndChecksTheNewWeights()
    {
        var loss = Loss.Dice + 0.01 * Loss.Adversarial;
        var ramped = loss.Select(t => t.Name == "adv" ? t with { Weight = t.Weight * 0.5 } : t);
        Assert.Equal([("dice", 1.0), ("adv", 0.005)], ramped.Terms.Select(t => (t.Name, t.Weight)));
        var remoded = loss.Select(t => t.Term is AdversarialLoss ? t with { Term = new AdversarialLoss(GanMode.LsGan) } : t);
        Assert.Equal(GanMode.LsGan, Assert.IsType<AdversarialLoss>(remoded.Terms[1].Term).Gan.Mode);
        Assert.Equal("dice + 0.01 * adv", loss.ToString());   // the operand is unchanged
        Assert.Throws<ArgumentOutOfRangeException>(() => loss.Select(t => t with { Weight = -1 }));
    }

    [Fact]
    public void EveryCatalogueTerm_HasItsRunFolderName()
    {
        LossTerm[] terms = [Loss.CrossEntropy(), Loss.Dice, Loss.Focal, Loss.Jaccard, Loss.Tversky, Loss.Lovasz, Loss.Bce,
                            Loss.Adversarial, Loss.L1, Loss.L2, Loss.Perceptual];
        Assert.Equal(["ce", "dice", "focal", "jaccard", "tversky", "lovasz", "bce", "adv", "l1", "l2", "perceptual"], terms.Select(t => t.Name));
    }

    [Fact]
    public void ScalarOperators_Distribute_AndDivisionScalesDown()
    {
        var e = (Loss.L1 * 3 + 0.5 * Loss.L2) / 2;
        Assert.Equal([1.5, 0.25], e.Terms.Select(t => t.Weight));
        Assert.Equal(LossInputs.OutputImage | LossInputs.TargetImage, e.Inputs);
    }

    [Fact]
    public void TheSameTermTwice_AddsItsWeights()
    {
        var dice = Loss.Dice;
        Assert.Equal([("dice", 1.5)], (dice + 0.5 * dice).Terms.Select(t => (t.Name, t.Weight)));
        // Identically configured instances are the same term too.
        Assert.Equal([("dice", 2.0)], (Loss.Dice + Loss.Dice).Terms.Select(t => (t.Name, t.Weight)));
    }

    [Fact]
    public void TwoDifferentTermsWithOneName_AreAnError_UntilOneIsRenamed()
    {
        var e = Assert.Throws<LossConfigurationException>(() => Loss.Dice + new DiceLoss(smooth: 1));
        Assert.Contains("'dice'", e.Message);
        Assert.Contains(".Named(", e.Message);
        var renamed = Loss.Dice + new DiceLoss(smooth: 1).Named("dice_smooth");
        Assert.Equal(["dice", "dice_smooth"], renamed.Terms.Select(t => t.Name));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Weights_MustBeFiniteAndNonNegative(double weight)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => weight * Loss.Dice);
        Assert.Contains("dice", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Loss.Dice / 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("G/dice")]
    [InlineData("my dice")]
    public void TermNames_MustFitLogKeys(string name)
    {
        Assert.Throws<ArgumentException>(() => Loss.Dice.Named(name));
    }

    [Fact]
    public void Describe_ShowsTheConfiguration()
    {
        Assert.Equal("tversky(mode: binary, ignore_index: 255, class_weights: [], from_logits: True, smooth: 0, eps: 1E-07, log_loss: False, alpha: 0.3, beta: 0.7, gamma: 1)",
                     new TverskyLoss(SegmentationMode.Binary, alpha: 0.3, beta: 0.7, ignoreIndex: 255).Describe());
        Assert.Equal("adv(mode: LsGan)", new AdversarialLoss(GanMode.LsGan).Describe());
    }

    [Fact]
    public void Requirements_SayWhatEachTermNeeds()
    {
        Assert.Equal("needs the segmenter's logits, target class labels; multiclass (two or more logit channels) only",
                     Loss.CrossEntropy().Requirements.ToString());
        Assert.Equal("needs the segmenter's logits, target class labels; binary (single-channel logits) only", Loss.Bce.Requirements.ToString());
        Assert.Null(Loss.Dice.Requirements.OnlyMode);
        Assert.Equal("needs the discriminator with its real and fake inputs", new GradientPenalty().Requirements.ToString());
        Assert.Equal("needs an output image, a target image", Loss.Perceptual.Requirements.ToString());
    }
}
