using SegGanLab.Tests.Golden;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Autograd;

/// <summary>
/// The WGAN-GP gradient penalty: autograd.grad with create_graph, then backward through that
/// gradient (second-order derivatives), against PyTorch's numbers in golden.json.
/// </summary>
public class WganGpGoldenTests
{
    [Fact]
    public void GradientPenalty_DoubleBackward_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("wgan_gp_grad");
        var t = c.Inputs("x", "W1", "b1", "W2");
        var (x, w1, b1, w2) = (t["x"], t["W1"], t["b1"], t["W2"]);

        // D(x) = (tanh(x @ W1 + b1) @ W2).sum(dim=1)
        var d = (x.matmul(w1) + b1).tanh().matmul(w2).sum(1);
        GoldenAssert.Matches(c, "d", d);

        var grads = autograd.grad([d.sum()], [x], create_graph: true)[0];
        Assert.NotNull(grads);
        Assert.True(grads!.requires_grad, "with create_graph the input gradient must itself be differentiable");
        GoldenAssert.Matches(c, "input_grads", grads);

        // gp = ((||grad_x D||_2 over dim 1) - 1)^2 .mean()
        var gp = (grads.norm(dim: 1, p: 2) - 1).pow(2).mean();
        GoldenAssert.Matches(c, "gp", gp);

        gp.backward();
        GoldenAssert.Matches(c, "grad_W1", w1.grad);
        GoldenAssert.Matches(c, "grad_W2", w2.grad);
        GoldenAssert.Matches(c, "grad_b1", b1.grad);
        GoldenAssert.Matches(c, "grad_x", x.grad);
    }

    [Fact]
    public void AutogradGrad_WithoutCreateGraph_LeavesLeafGradientsUntouched()
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("wgan_gp_grad");
        var t = c.Inputs("x", "W1", "b1", "W2");
        var d = (t["x"].matmul(t["W1"]) + t["b1"]).tanh().matmul(t["W2"]).sum(1);
        var grads = autograd.grad([d.sum()], [t["x"]]);
        GoldenAssert.Matches(c, "input_grads", grads[0]);
        Assert.False(grads[0]!.requires_grad);
        Assert.Null(t["x"].grad);
        Assert.Null(t["W1"].grad);
    }
}
