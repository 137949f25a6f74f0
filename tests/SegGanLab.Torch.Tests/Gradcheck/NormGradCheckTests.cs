using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Gradcheck;

/// <summary>Tensor.norm(dim, p): values as PyTorch gives them, gradients against finite differences.</summary>
public class NormGradCheckTests
{
    static Tensor AwayFromZero(long rows, long cols, ulong seed) => ComposedOpGradCheckTests.AwayFromZero(rows, cols, seed);

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(0.5)]
    public void NormAlongDim_GradientMatchesFiniteDifferences(double p)
    {
        using var x = AwayFromZero(3, 4, 3);
        GradCheck.Check(a => a[0].norm(dim: 1, p: p), [x], what: $"norm(dim: 1, p: {p})");
        GradCheck.Check(a => a[0].norm(dim: 0, p: p, keepdim: true), [x], what: $"norm(dim: 0, p: {p}, keepdim)");
    }

    [Theory]
    [InlineData(1.0, 6.0)]
    [InlineData(2.0, 3.7416573867739413)]       // sqrt(14)
    [InlineData(double.PositiveInfinity, 3.0)]  // max |x|
    [InlineData(0.0, 3.0)]                      // count of non-zeros
    public void NormAlongDim_Value_MatchesPyTorch_IncludingInfinityAndZeroNorms(double p, double expected)
    {
        using var x = tensor(new double[] { 1, -3, 2, 0 }, [1, 4]);
        using var n = x.norm(dim: 1, p: p);
        Assert.Equal(new long[] { 1 }, n.shape);
        Assert.Equal(expected, n.item<double>(), 12);
    }

    [Fact]
    public void NormAlongDim_OfAnAllZeroRow_HasZeroGradient_AsPyTorch()
    {
        // WGAN-GP takes the norm of critic gradients, which can be exactly zero; PyTorch defines the
        // subgradient there as 0 rather than NaN.
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 0, 0, 0, 3, 4, 0 }, [2, 3], requires_grad: true);
        x.norm(dim: 1, p: 2).sum().backward();
        Assert.Equal(new double[] { 0, 0, 0, 0.6, 0.8, 0 }, x.grad!.data<double>());
    }
}
