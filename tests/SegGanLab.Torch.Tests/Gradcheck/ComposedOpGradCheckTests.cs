using Xunit;
using Xunit.Sdk;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.Gradcheck;

/// <summary>
/// Finite-difference gradient checks for operations the binding composes itself (on the C#
/// side or in the shim) rather than taking whole from LibTorch, and for a small composite loss.
/// </summary>
public class ComposedOpGradCheckTests
{
    /// <summary>A [rows, cols] float64 tensor with entries of magnitude in [0.2, 2.2), away from 0.</summary>
    internal static Tensor AwayFromZero(long rows, long cols, ulong seed)
    {
        using var g = new Generator(seed);
        using var r = randn([rows, cols], float64, generator: g);
        using var magnitude = r.abs().clamp(max: 2.0);
        using var shifted = magnitude + 0.2;
        using var sign = r.sign();
        return shifted * sign;
    }

    [Fact]
    public void GradCheck_RejectsAWrongGradient()
    {
        using var x = AwayFromZero(2, 3, 1);
        // x * x.detach() has the value x² but autograd's gradient x instead of 2x.
        Assert.ThrowsAny<XunitException>(() => GradCheck.Check(a => a[0] * a[0].detach(), [x]));
    }

    [Fact]
    public void GradCheck_AcceptsLibTorchsOwnGradient()
    {
        using var x = AwayFromZero(2, 3, 2);
        GradCheck.Check(a => a[0].tanh() * a[0], [x]);
    }

    [Fact]
    public void ScalarMinusTensor_GradientMatchesFiniteDifferences()
    {
        using var x = AwayFromZero(2, 3, 4);
        GradCheck.Check(a => 2 - a[0], [x], what: "2 - x");
        GradCheck.Check(a => 2.5 - a[0] * a[0], [x], what: "2.5 - x*x");
    }

    [Fact]
    public void ScalarDividedByTensor_GradientMatchesFiniteDifferences()
    {
        using var x = AwayFromZero(2, 3, 5);
        GradCheck.Check(a => 2 / a[0], [x], what: "2 / x");
        GradCheck.Check(a => 1.5 / (a[0] * a[0] + 1), [x], what: "1.5 / (x*x + 1)");
    }

    [Fact]
    public void ScalarLeftOperators_ComputeTheReversedOperation()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 0.5, 2, -4 });
        Assert.Equal(new double[] { 1.5, 0, 6 }, (2 - x).data<double>());
        Assert.Equal(new double[] { 4, 1, -0.5 }, (2 / x).data<double>());
        Assert.Equal(new double[] { 2.5, 4, -2 }, (2 + x).data<double>());
        Assert.Equal(new double[] { 1, 4, -8 }, (2 * x).data<double>());
        var i = tensor(new long[] { 1, 2, 4 });
        var r = 2 / i;
        Assert.Equal(ScalarType.Float32, r.dtype); // true division promotes integers, as in PyTorch
        Assert.Equal(new float[] { 2, 1, 0.5f }, r.data<float>());
    }

    [Fact]
    public void PowWithScalarBase_GradientMatchesFiniteDifferences()
    {
        using var x = AwayFromZero(2, 3, 6);
        GradCheck.Check(a => pow(2, a[0]), [x], what: "pow(2, x)");
        GradCheck.Check(a => pow(0.5, a[0] * 3), [x], what: "pow(0.5, 3x)");
        using var y = pow(2, x);
        using var expected = (x * Math.Log(2)).exp();
        Assert.True(y.allclose(expected, rtol: 1e-12, atol: 1e-12));
    }

    [Fact]
    public void Clamp_GradientMatchesFiniteDifferences_AwayFromTheBounds()
    {
        // Points on both sides of each bound, at least 0.05 away from it.
        using var x = tensor(new double[] { -1.3, -0.7, -0.3, 0.1, 0.45, 0.9, 1.6, -0.05 }, [2, 4]);
        GradCheck.Check(a => a[0].clamp(-0.5, 0.5) * a[0], [x], what: "clamp(-0.5, 0.5) * x");
        GradCheck.Check(a => a[0].clamp(min: 0.2), [x], what: "clamp(min: 0.2)");
        GradCheck.Check(a => clamp(a[0], max: -0.2), [x], what: "clamp(max: -0.2)");
        GradCheck.Check(a => a[0].clamp_min(0.0).pow(2), [x], what: "clamp_min(0)^2");
    }

    [Fact]
    public void Where_GradientMatchesFiniteDifferences_InBothBranches()
    {
        using var x = tensor(new double[] { -1.3, -0.7, -0.3, 0.1, 0.45, 0.9, 1.6, -0.05 }, [2, 4]);
        using var other = tensor(new double[] { 0.3, -0.2, 1.1, 0.7, -0.4, 0.25, 0.6, -1.0 }, [2, 4]);
        GradCheck.Check(a =>
        {
            using var positive = a[0] > 0;
            return where(positive, a[0] * a[0], a[1] * a[0]);
        }, [x, other], what: "where(x > 0, x*x, y*x)");
        GradCheck.Check(a =>
        {
            using var positive = a[0] > 0;
            return where(positive, a[0].exp(), 0.5);
        }, [x], what: "where(x > 0, exp(x), 0.5)");
    }

    [Fact]
    public void MaskedFill_GradientMatchesFiniteDifferences_AndIsZeroWhereFilled()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { -1.3, -0.7, -0.3, 0.1, 0.45, 0.9, 1.6, -0.05 }, [2, 4]);
        var mask = tensor(new bool[] { true, false, false, true, false, true, false, false }, [2, 4]);
        GradCheck.Check(a => a[0].masked_fill(mask, 1.5) * a[0].sin(), [x], what: "masked_fill(mask, 1.5) * sin(x)");

        var leaf = x.detach().clone().requires_grad_();
        (leaf * 3).masked_fill(mask, -7).sum().backward();
        Assert.Equal(new double[] { 0, 3, 3, 0, 3, 0, 3, 3 }, leaf.grad!.data<double>());
    }

    /// <summary>1 - 2·Σ(p·t) / (Σp + Σt + 1) on softmax probabilities against one-hot targets.</summary>
    static Tensor SoftDice(Tensor logits, Tensor oneHotTarget)
    {
        using var p = F.softmax(logits, 1);
        using var overlap = (p * oneHotTarget).sum();
        using var twice = 2 * overlap;
        using var ps = p.sum();
        using var ts = oneHotTarget.sum();
        using var denominator = ps + ts + 1;
        using var ratio = twice / denominator;
        return 1 - ratio;
    }

    [Fact]
    public void SoftDiceComposite_GradientMatchesFiniteDifferences()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(7);
        var logits = randn([2, 3, 2, 2], float64, generator: g);
        var labels = randint(0, 3, [2, 2, 2], generator: g);
        var target = F.one_hot(labels, 3).permute(0, 3, 1, 2).to(float64); // [N, C, H, W]
        GradCheck.Check(a => SoftDice(a[0], target), [logits], what: "soft dice");
        // And with respect to a soft target as well.
        var softTarget = F.softmax(randn([2, 3, 2, 2], float64, generator: g), 1);
        GradCheck.Check(a => SoftDice(a[0], a[1]), [logits, softTarget], what: "soft dice (soft target)");
    }
}
