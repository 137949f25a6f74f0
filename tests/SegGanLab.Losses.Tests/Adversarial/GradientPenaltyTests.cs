using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses.Tests.Adversarial;

/// <summary>WGAN-GP's penalty (autograd.grad with create_graph, then backward into D's weights) against PyTorch.</summary>
public class GradientPenaltyTests
{
    /// <summary>D(x) = Σ V · tanh(conv2d(x, W, b)) per sample, as in the golden script.</summary>
    static Func<Tensor, Tensor> Discriminator(Tensor w, Tensor b, Tensor v) => x => (v * F.conv2d(x, w, b).tanh()).sum([1, 2, 3]);

    [Fact]
    public void Penalty_AndItsGradientsWithRespectToTheDiscriminator_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case("wgan_gp_penalty");
        var t = c.Inputs("W", "b", "V");
        var gp = GradientPenalty.Compute(Discriminator(t["W"], t["b"], t["V"]), t["real"], t["fake"], t["alpha"]);
        GoldenAssert.Matches(c, "gp", gp);
        gp.backward();
        GoldenAssert.Matches(c, "grad_W", t["W"].grad);
        GoldenAssert.Matches(c, "grad_b", t["b"].grad);
        GoldenAssert.Matches(c, "grad_V", t["V"].grad);
    }

    [Fact]
    public void PenaltyTerm_InTheDiscriminatorExpression_IsWeightedByLambda()
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case("wgan_gp_penalty");
        var t = c.Inputs("W", "b", "V");
        var d = Discriminator(t["W"], t["b"], t["V"]);
        using var generator = new Generator(7);
        using var ctx = new LossContext { Discriminator = d, RealInput = t["real"], FakeInput = t["fake"] };
        using var result = Loss.Discriminator(GanMode.WganGp, generator: generator).Evaluate(ctx);

        using var same = new Generator(7);
        var alpha = rand([3], float64, generator: same);
        var expected = GradientPenalty.Compute(d, t["real"], t["fake"], alpha).item<double>();
        Assert.Equal(c.Double("lambda") * expected, result.Terms["gp"], 12);
        Assert.Equal(-d(t["real"]).mean().item<double>(), result.Terms["real"], 12);
        Assert.Equal(d(t["fake"]).mean().item<double>(), result.Terms["fake"], 12);
    }

    [Fact]
    public void Penalty_RejectsMismatchedInputs()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<LossInputException>(() => GradientPenalty.Compute(x => x.sum([1]), zeros(2, 3), zeros(3, 3)));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[3, 3]", e.Message);
        var a = Assert.Throws<LossInputException>(() => GradientPenalty.Compute(x => x.sum([1]), zeros(2, 3), zeros(2, 3), alpha: zeros(3)));
        Assert.Contains("one interpolation weight per sample (2)", a.Message);
    }
}
