using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Adversarial;

/// <summary>
/// Hung et al.'s masked per-pixel BCE on confidence maps, against the formula
/// softplus(s) - t·s averaged by hand over the pixels that are not ignored.
/// </summary>
public class ConfidenceMapLossTests
{
    static (Tensor Scores, Tensor Labels) Inputs()
    {
        using var g = new Generator(5);
        var scores = (3 * randn([2, 1, 4, 5], float64, generator: g)).requires_grad_();
        var labels = randint(0, 3, [2, 4, 5], generator: g);
        labels.index_put_(rand([2, 4, 5], generator: g).lt(0.3), full([1], 255L, int64));
        return (scores, labels);
    }

    static double ByHand(Tensor scores, Tensor? labels, double target)
    {
        var s = scores.detach().data<double>();
        var l = labels?.data<long>();
        double sum = 0;
        var count = 0;
        for (var k = 0; k < s.Length; k++)
        {
            if (l is not null && l[k] == 255) continue;
            sum += Math.Log(1 + Math.Exp(s[k])) - target * s[k];
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    [Theory]
    [InlineData(DiscriminatorSide.Real, 1.0)]
    [InlineData(DiscriminatorSide.Fake, 0.0)]
    public void Value_IsTheMeanBce_OverThePixelsThatAreNotIgnored(DiscriminatorSide target, double label)
    {
        using var scope = NewDisposeScope();
        var (scores, labels) = Inputs();
        var loss = new ConfidenceMapLoss("x", DiscriminatorSide.Fake, target).Compute(scores, label, labels, 255);
        Assert.Equal(ByHand(scores, labels, label), loss.item<double>(), 12);
    }

    [Fact]
    public void WithoutLabels_EveryPixelCounts()
    {
        using var scope = NewDisposeScope();
        var (scores, _) = Inputs();
        using var ctx = new LossContext { FakeScores = scores };
        using var result = (0.001 * ConfidenceMapLoss.Generator("semi_adv")).Evaluate(ctx);
        Assert.Equal(0.001 * ByHand(scores, null, 1), result.Terms["semi_adv"], 14);
    }

    [Fact]
    public void InTheDiscriminatorsContext_ScoresBothSides_AndSendsGradientsOnlyThroughCountedPixels()
    {
        using var scope = NewDisposeScope();
        var (scores, labels) = Inputs();
        var real = (scores.detach() + 1).requires_grad_();
        using var ctx = new LossContext { FakeScores = scores, RealScores = real, Labels = labels, IgnoreIndex = 255 };
        using var result = (0.5 * ConfidenceMapLoss.Fake() + 0.5 * ConfidenceMapLoss.Real()).Evaluate(ctx);
        Assert.Equal(0.5 * ByHand(scores, labels, 0), result.Terms["fake"], 12);
        Assert.Equal(0.5 * ByHand(real, labels, 1), result.Terms["real"], 12);
        result.Total.backward();
        var ignored = labels.eq(255).unsqueeze(1);
        Assert.Equal(0.0, scores.grad!.masked_select(ignored).abs().sum().item<double>());
        Assert.True(scores.grad!.masked_select(ignored.logical_not()).abs().sum().item<double>() > 0);
    }

    [Fact]
    public void AllPixelsIgnored_GivesZero_NotNaN()
    {
        using var scope = NewDisposeScope();
        var (scores, labels) = Inputs();
        var loss = ConfidenceMapLoss.Real().Compute(scores, 1, full_like(labels, 255L), 255);
        Assert.Equal(0.0, loss.item<double>());
    }

    [Fact]
    public void AMapOfAnotherSize_NamesBothShapes_AndTheFix()
    {
        using var scope = NewDisposeScope();
        var (scores, labels) = Inputs();
        var e = Assert.Throws<LossInputException>(() => ConfidenceMapLoss.Fake().Compute(scores.narrow(2, 0, 2), 0, labels, 255));
        Assert.Contains("[2, 1, 2, 5]", e.Message);
        Assert.Contains("[2, 4, 5]", e.Message);
        Assert.Contains("upsample", e.Message);
        var channels = Assert.Throws<LossInputException>(() => ConfidenceMapLoss.Fake().Compute(zeros(2, 3, 4, 5), 0, null, null));
        Assert.Contains("[N, 1, H, W]", channels.Message);
    }
}
