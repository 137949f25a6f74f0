using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Autograd;

public class GradModeTests
{
    [Fact]
    public void NoGrad_ResultsDoNotRequireGrad_AndGradModeIsRestoredAfter()
    {
        using var scope = NewDisposeScope();
        var x = ones([3], float64, requires_grad: true);
        Assert.True(is_grad_enabled());
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            var y = x * 2;
            Assert.False(y.requires_grad);
            Assert.False(y.has_grad_fn);
        }
        Assert.True(is_grad_enabled());
        var z = x * 2;
        Assert.True(z.requires_grad);
        Assert.True(z.has_grad_fn);
    }

    [Fact]
    public void EnableGrad_InsideNoGrad_RecordsAgain_AndEachScopeRestoresItsPredecessor()
    {
        using var scope = NewDisposeScope();
        var x = ones([2], float64, requires_grad: true);
        using (no_grad())
        {
            using (enable_grad())
            {
                Assert.True(is_grad_enabled());
                Assert.True((x * 3).requires_grad);
            }
            Assert.False(is_grad_enabled());
            using (set_grad_enabled(false)) Assert.False(is_grad_enabled());
            Assert.False(is_grad_enabled());
        }
        Assert.True(is_grad_enabled());
    }

    [Fact]
    public void Backward_AccumulatesIntoLeafGradients_AndZeroGradClearsThem()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        Assert.True(x.is_leaf);
        Assert.Null(x.grad);
        (x * x).sum().backward();
        (x * x).sum().backward();
        Assert.Equal(new double[] { 4, 8, 12 }, x.grad!.data<double>());
        x.zero_grad(set_to_none: false);
        Assert.Equal(new double[] { 0, 0, 0 }, x.grad!.data<double>());
        x.zero_grad();
        Assert.Null(x.grad);
    }

    [Fact]
    public void DefaultGradModeScope_DisposeChangesNothing()
    {
        Assert.True(is_grad_enabled());
        default(GradModeScope).Dispose();
        Assert.True(is_grad_enabled());
    }

    [Fact]
    public void NormWithOneArgument_IsThePNormOfAllElements_AsInPyTorch()
    {
        using var x = tensor(new double[] { 3, -4 });
        using var n1 = x.norm(1);
        using var n2 = x.norm(2, 0);
        Assert.Equal(7.0, n1.item<double>());
        Assert.Equal(5.0, n2.item<double>());
    }
}
