using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses.Tests.Algebra;

/// <summary>
/// Evaluating expressions: weighted terms add up to the total, gradients equal those of the
/// hand-written sum, the discriminator runs lazily and once, and nothing leaks.
/// </summary>
public class LossEvaluationTests
{
    sealed class Fixture : IDisposable
    {
        public readonly Tensor Logits, Labels;
        public readonly torch.nn.Module<Tensor, Tensor> D = nn.Conv2d(4, 1, 3, padding: 1, dtype: float64);
        public int DiscriminatorCalls;

        public Fixture()
        {
            using var g = new Generator(3);
            Logits = randn([2, 4, 6, 6], float64, generator: g).requires_grad_().DetachFromDisposeScope();
            Labels = randint(0, 4, [2, 6, 6], generator: g).DetachFromDisposeScope();
            Labels.index_put_(Labels.eq(3) & rand([2, 6, 6], generator: g).lt(0.5), full([1], 255L, int64));
        }

        public Tensor Discriminate(Tensor x)
        {
            DiscriminatorCalls++;
            return D.forward(x);
        }

        public LossContext Context() => new()
        {
            Logits = Logits, Labels = Labels, IgnoreIndex = 255,
            Discriminator = Discriminate, FakeInput = F.softmax(Logits, 1),
        };

        public void Dispose()
        {
            Logits.Dispose();
            Labels.Dispose();
            D.Dispose();
        }
    }

    [Fact]
    public void WeightedTerms_AddUpToTheTotal_AndLogUnderTheSide()
    {
        using var scope = NewDisposeScope();
        using var f = new Fixture();
        using var ctx = f.Context();
        using var result = (Loss.CrossEntropy() + 0.5 * Loss.Dice + 0.01 * Loss.Adversarial + 2 * Loss.Focal).Evaluate(ctx);
        Assert.Equal(["ce", "dice", "adv", "focal"], result.Terms.Keys);
        Assert.Equal(result.Total.item<double>(), result.TotalValue, 14);
        Assert.Equal(result.TotalValue, result.Terms.Values.Sum(), 12);
        Assert.Equal(0.5 * new DiceLoss(ignoreIndex: 255).Forward(f.Logits, f.Labels).item<double>(), result.Terms["dice"], 1e-12);
        Assert.Equal(["G/ce", "G/dice", "G/adv", "G/focal", "G/total"], result.ToLog("G").Keys);
        Assert.Equal(result.TotalValue, result.ToLog("G")["G/total"]);
    }

    [Fact]
    public void Gradients_EqualThoseOfTheHandWrittenSum()
    {
        using var scope = NewDisposeScope();
        using var f = new Fixture();
        using (var ctx = f.Context())
            (Loss.CrossEntropy([1, 2, 1, 0.5]) + 0.5 * Loss.Dice + 0.01 * Loss.Adversarial).Evaluate(ctx).Total.backward();
        var fromExpression = f.Logits.grad!.clone();
        var dGrad = f.D.parameters().First().grad!.clone();
        f.Logits.zero_grad();
        f.D.zero_grad();

        var byHand = new CrossEntropyLoss([1, 2, 1, 0.5], ignoreIndex: 255).Forward(f.Logits, f.Labels)
                     + 0.5 * new DiceLoss(ignoreIndex: 255).Forward(f.Logits, f.Labels)
                     + 0.01 * new VanillaGanLoss().GeneratorLoss(f.D.forward(F.softmax(f.Logits, 1)));
        byHand.backward();
        GoldenAssert.AssertClose(f.Logits.grad!.data<double>(), fromExpression.data<double>(), 1e-13, "logits gradient");
        GoldenAssert.AssertClose(f.D.parameters().First().grad!.data<double>(), dGrad.data<double>(), 1e-13, "discriminator gradient");
    }

    [Fact]
    public void Discriminator_RunsOnce_ForEveryTermThatReadsItsScores()
    {
        using var scope = NewDisposeScope();
        using var f = new Fixture();
        var fakeMean = Loss.Custom("fake_mean", LossInputs.FakeScores, c => c.FakeScores.mean());
        using var ctx = f.Context();
        using var result = (Loss.Adversarial + fakeMean).Evaluate(ctx);
        Assert.Equal(1, f.DiscriminatorCalls);
        Assert.Equal(["adv", "fake_mean"], result.Terms.Keys);
    }

    [Fact]
    public void ZeroWeightTerms_ReportZero_AndCostNoDiscriminatorPass()
    {
        using var scope = NewDisposeScope();
        using var f = new Fixture();
        using var ctx = f.Context();
        using var result = (Loss.Dice + 0 * Loss.Adversarial).Evaluate(ctx);
        Assert.Equal(0, f.DiscriminatorCalls);
        Assert.Equal(0.0, result.Terms["adv"]);
        Assert.Equal(result.Terms["dice"], result.TotalValue, 14);
    }

    [Fact]
    public void AllZeroWeights_StillGiveATotalWithAGraph()
    {
        using var scope = NewDisposeScope();
        using var f = new Fixture();
        using var ctx = f.Context();
        using var result = (0 * Loss.Dice).Evaluate(ctx);
        Assert.Equal(0.0, result.TotalValue);
        result.Total.backward();
        Assert.Equal(0.0, f.Logits.grad!.abs().sum().item<double>());
    }

    [Fact]
    public void NonScalarTerm_IsReported()
    {
        using var scope = NewDisposeScope();
        using var f = new Fixture();
        using var ctx = f.Context();
        var e = Assert.Throws<InvalidOperationException>(() => Loss.Custom("raw", LossInputs.Logits, c => c.RequireLogits("raw") * 1).Evaluate(ctx));
        Assert.Contains("'raw'", e.Message);
        Assert.Contains("[2, 4, 6, 6]", e.Message);
    }

    [Fact]
    public void TrainingSteps_LeaveNoTensorBehind()
    {
        using var f = new Fixture();
        var g = Loss.CrossEntropy() + Loss.Dice + Loss.Lovasz + 0.01 * new AdversarialLoss(GanMode.RaLsGan);
        var d = Loss.Discriminator(GanMode.WganGp);
        void Step()
        {
            using var step = NewDisposeScope();
            var probs = F.softmax(f.Logits, 1);
            var truth = F.one_hot(f.Labels.masked_fill(f.Labels.eq(255), 0), 4).permute(0, 3, 1, 2).to(float64);
            using (var ctx = new LossContext { Logits = f.Logits, Labels = f.Labels, IgnoreIndex = 255, Discriminator = f.Discriminate, FakeInput = probs, RealInput = truth })
                g.Evaluate(ctx).Total.backward();
            using (var ctx = new LossContext { Discriminator = f.Discriminate, FakeInput = probs.detach(), RealInput = truth })
                d.Evaluate(ctx).Total.backward();
            f.Logits.zero_grad();
            f.D.zero_grad();
        }
        Step();
        var before = LiveTensors.Settled();
        for (var k = 0; k < 20; k++) Step();
        Assert.Equal(before, LiveTensors.Settled());
    }

    [Fact]
    public void Context_DisposesTheScoresItComputed()
    {
        using var f = new Fixture();
        using var probs = F.softmax(f.Logits, 1);
        var before = LiveTensors.Settled();
        var ctx = new LossContext { Discriminator = f.Discriminate, FakeInput = probs };
        Tensor scores;
        using (var scope = NewDisposeScope()) scores = ctx.FakeScores;   // survives the scope: the context owns it
        Assert.False(scores.IsInvalid);
        ctx.Dispose();
        Assert.True(scores.IsInvalid);
        Assert.Equal(before, LiveTensors.Settled());
    }
}
