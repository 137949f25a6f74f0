using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Adversarial;

/// <summary>
/// Each adversarial objective's discriminator and generator losses, and their gradients with
/// respect to both sides' scores, against the reference formulas in make_losses_golden.py.
/// </summary>
public class GanLossGoldenTests
{
    public static TheoryData<GanMode, string> Modes => new()
    {
        { GanMode.Vanilla, "gan_vanilla" },
        { GanMode.LsGan, "gan_lsgan" },
        { GanMode.Hinge, "gan_hinge" },
        { GanMode.WganGp, "gan_wgangp" },
        { GanMode.RaLsGan, "gan_ralsgan" },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void GanLoss_EverySide_MatchesReference(GanMode mode, string caseName)
    {
        var c = LossesGolden.Case(caseName);
        var gan = GanLoss.For(mode);
        Assert.Equal(mode, gan.Mode);
        Check(c, "real_loss", (r, f) => gan.RealLoss(r, f));
        Check(c, "fake_loss", (r, f) => gan.FakeLoss(f, r));
        Check(c, "gen_loss", (r, f) => gan.GeneratorLoss(f, r));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void DiscriminatorExpression_IsTheWeightedSumOfBothSides(GanMode mode, string caseName)
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case(caseName);
        var expected = GanLoss.For(mode).DefaultDiscriminatorWeight * (c.Output("real_loss").Doubles[0] + c.Output("fake_loss").Doubles[0]);
        // Loss.Discriminator adds WGAN-GP's penalty, which needs the discriminator itself; scores alone test the other terms.
        var d = mode == GanMode.WganGp
            ? new DiscriminatorLoss(mode, DiscriminatorSide.Real) + new DiscriminatorLoss(mode, DiscriminatorSide.Fake)
            : Loss.Discriminator(mode);
        using var ctx = new LossContext { RealScores = c.Input("real"), FakeScores = c.Input("fake") };
        using var result = d.Evaluate(ctx);
        Assert.Equal(expected, result.TotalValue, 12);
        Assert.Equal(["real", "fake"], result.Terms.Keys);
    }

    [Fact]
    public void DefaultDiscriminatorWeights_HalveWherePix2PixAndDeblurGanV2Do()
    {
        Assert.Equal(0.5, GanLoss.For(GanMode.Vanilla).DefaultDiscriminatorWeight);
        Assert.Equal(0.5, GanLoss.For(GanMode.LsGan).DefaultDiscriminatorWeight);
        Assert.Equal(0.5, GanLoss.For(GanMode.RaLsGan).DefaultDiscriminatorWeight);
        Assert.Equal(1, GanLoss.For(GanMode.Hinge).DefaultDiscriminatorWeight);
        Assert.Equal(1, GanLoss.For(GanMode.WganGp).DefaultDiscriminatorWeight);
        Assert.Equal("0.5 * real + 0.5 * fake", Loss.Discriminator(GanMode.LsGan).ToString());
        Assert.Equal("real + fake + 10 * gp", Loss.Discriminator(GanMode.WganGp).ToString());
    }

    [Fact]
    public void RelativisticLoss_WithoutTheOtherSide_SaysWhatItNeeds()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentNullException>(() => GanLoss.For(GanMode.RaLsGan).GeneratorLoss(zeros(2)));
        Assert.Contains("output on reals", e.Message);
        Assert.Equal(LossInputs.FakeScores | LossInputs.RealScores, new AdversarialLoss(GanMode.RaLsGan).Requirements.Inputs);
        Assert.Equal(LossInputs.FakeScores, new AdversarialLoss(GanMode.LsGan).Requirements.Inputs);
    }

    static void Check(GoldenCase c, string output, Func<Tensor, Tensor, Tensor> loss)
    {
        using var scope = NewDisposeScope();
        var real = c.Input("real", requiresGrad: true);
        var fake = c.Input("fake", requiresGrad: true);
        var value = loss(real, fake);
        GoldenAssert.Matches(c, output, value);
        value.backward();
        GoldenAssert.Close(c.Output("grad_real_" + output), real.grad ?? zeros_like(real), $"{c.Name}.grad_real_{output}");
        GoldenAssert.Close(c.Output("grad_fake_" + output), fake.grad ?? zeros_like(fake), $"{c.Name}.grad_fake_{output}");
    }
}
