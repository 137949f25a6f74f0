using SegGanLab.Tests.Golden;
using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.NN;

/// <summary>
/// Loss functions against PyTorch's numbers in golden.json: the scalar loss and, after
/// loss.backward(), the gradient of the differentiated input.
/// </summary>
public class LossGoldenTests
{
    delegate Tensor Loss(GoldenCase c, IReadOnlyDictionary<string, Tensor> t);

    sealed record LossCase(string Differentiated, Loss Run);

    static readonly Dictionary<string, LossCase> Losses = new()
    {
        ["cross_entropy"] = new("logits", (c, t) =>
            F.cross_entropy(t["logits"], t["target"], weight: t["weight"], ignore_index: c.Long("ignore_index"),
                            reduction: c.Reduction(), label_smoothing: c.Double("label_smoothing"))),
        ["cross_entropy_smoothing"] = new("logits", (c, t) =>
            F.cross_entropy(t["logits"], t["target"], ignore_index: c.Long("ignore_index"),
                            reduction: c.Reduction(), label_smoothing: c.Double("label_smoothing"))),
        ["nll_loss"] = new("input", (c, t) => F.nll_loss(t["input"], t["target"], weight: t["weight"], reduction: c.Reduction())),
        ["bce"] = new("input", (c, t) => F.binary_cross_entropy(t["input"], t["target"], reduction: c.Reduction())),
        ["bce_with_logits"] = new("input", (c, t) =>
            F.binary_cross_entropy_with_logits(t["input"], t["target"], reduction: c.Reduction(), pos_weight: t["pos_weight"])),
        ["mse"] = new("x", (c, t) => F.mse_loss(t["x"], t["target"], c.Reduction())),
        ["l1"] = new("x", (c, t) => F.l1_loss(t["x"], t["target"], c.Reduction())),
        ["smooth_l1"] = new("x", (c, t) => F.smooth_l1_loss(t["x"], t["target"], c.Reduction(), c.Double("beta"))),
    };

    public static TheoryData<string> LossCases => new(Losses.Keys);

    [Theory]
    [MemberData(nameof(LossCases))]
    public void Loss_ValueAndInputGradient_MatchPyTorch(string caseName)
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case(caseName);
        var op = Losses[caseName];
        var t = c.Inputs(op.Differentiated);
        var loss = op.Run(c, t);
        GoldenAssert.Matches(c, "loss", loss);
        loss.backward();
        GoldenAssert.Matches(c, "grad_" + op.Differentiated, t[op.Differentiated].grad);
    }

    [Fact]
    public void CrossEntropy_IgnoredPixels_GetExactlyZeroGradient()
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("cross_entropy");
        var t = c.Inputs("logits");
        var ignore = c.Long("ignore_index");
        Losses["cross_entropy"].Run(c, t).backward();
        var grad = t["logits"].grad!;                        // [N, C, H, W]
        var ignored = t["target"].eq(ignore).unsqueeze(1);   // [N, 1, H, W]
        Assert.True(ignored.sum().item<long>() > 0, "the case should contain ignored pixels");
        var masked = grad.masked_select(ignored.expand(grad.shape));
        Assert.All(masked.data<double>(), v => Assert.Equal(0.0, v));
    }
}
