using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Algebra;

/// <summary>Checking an expression against a training set-up before training, and against a context at evaluation.</summary>
public class LossValidationTests
{
    static readonly LossSetup Segmenter = new(LossInputs.Logits | LossInputs.Labels, Classes: 5);

    [Fact]
    public void FittingSetup_Passes()
    {
        (Loss.CrossEntropy([1, 1, 2, 1, 1]) + Loss.Dice + Loss.Lovasz).Validate(Segmenter);
        (Loss.Dice + Loss.Bce + 0.01 * Loss.Adversarial).Validate(new LossSetup(LossInputs.Logits | LossInputs.Labels | LossInputs.FakeScores, 1));
    }

    [Fact]
    public void EveryProblemOfEveryTerm_IsListedTogether()
    {
        var e = Assert.Throws<LossConfigurationException>(() =>
            (Loss.CrossEntropy([1, 2]) + Loss.Bce + 0.01 * Loss.Adversarial + Loss.L1).Validate(Segmenter));
        Assert.Equal(4, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Contains("'bce'") && p.Contains("binary") && p.Contains("5 logit channels"));
        Assert.Contains(e.Problems, p => p.StartsWith("ce: 2 class weights") && p.Contains("for 5 classes"));
        Assert.Contains(e.Problems, p => p.Contains("'adv' needs the discriminator's output on fakes"));
        Assert.Contains(e.Problems, p => p.Contains("'l1' needs an output image, a target image"));
    }

    [Fact]
    public void MulticlassOnlyTerms_RejectABinaryModel()
    {
        var e = Assert.Throws<LossConfigurationException>(() => (Loss.CrossEntropy() + Loss.Lovasz).Validate(Segmenter with { Classes = 1 }));
        Assert.Equal(2, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Contains("multiclass", p));
    }

    [Fact]
    public void TermsWithAFixedMode_RejectTheOtherMode()
    {
        var e = Assert.Throws<LossConfigurationException>(() => new DiceLoss(SegmentationMode.Binary).Validate(Segmenter));
        Assert.Contains("binary", e.Message);
    }

    [Fact]
    public void Evaluate_WithoutANeededInput_SaysWhichPropertyToSet()
    {
        using var scope = NewDisposeScope();
        using var ctx = new LossContext { Logits = randn(1, 3, 4, 4), Labels = zeros([1, 4, 4], int64) };
        var e = Assert.Throws<LossConfigurationException>(() => (Loss.Dice + 0.01 * Loss.Adversarial).Evaluate(ctx));
        Assert.Contains("'adv'", e.Message);
        Assert.Contains("set Discriminator and FakeInput (or FakeScores)", e.Message);
    }

    [Fact]
    public void Evaluate_WithABinaryOnlyTermOnMulticlassLogits_FailsBeforeComputing()
    {
        using var scope = NewDisposeScope();
        using var ctx = new LossContext { Logits = randn(1, 3, 4, 4), Labels = zeros([1, 4, 4], int64) };
        var e = Assert.Throws<LossConfigurationException>(() => Loss.Bce.Evaluate(ctx));
        Assert.Contains("3 logit channels", e.Message);
    }
}
