using SegGanLab.Tests.Golden;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Optim;

/// <summary>
/// Three optimizer steps from stored weights and stored gradients, compared with PyTorch 1.13's
/// results after every step (golden cases sgd_*, adam*, adamw).
/// </summary>
public class OptimizerGoldenTests
{
    // The update follows PyTorch's op sequence, so only float32 rounding in the kernels can differ.
    const double Rtol = 1e-6, Atol = 1e-7;

    [Fact]
    public void SGD_MatchesPyTorch_ThreeStepsWithNesterovMomentumAndWeightDecay()
    {
        var c = GoldenData.Case("sgd_momentum_nesterov");
        RunCase(c, ps => optim.SGD(ps, lr: c.Double("lr"), momentum: c.Double("momentum"),
                                   dampening: c.Double("dampening"), weight_decay: c.Double("weight_decay"),
                                   nesterov: c.Bool("nesterov")));
    }

    [Fact]
    public void SGD_MatchesPyTorch_ThreePlainSteps()
    {
        var c = GoldenData.Case("sgd_plain");
        RunCase(c, ps => optim.SGD(ps, lr: c.Double("lr")));
    }

    [Fact]
    public void Adam_MatchesPyTorch_ThreeStepsFromFixedWeights()
    {
        var c = GoldenData.Case("adam");
        RunCase(c, ps => optim.Adam(ps, lr: c.Double("lr"), betas: Betas(c), eps: c.Double("eps"),
                                    weight_decay: c.Double("weight_decay")));
    }

    [Fact]
    public void Adam_MatchesPyTorch_ThreeStepsWithWeightDecayAndAmsgrad()
    {
        var c = GoldenData.Case("adam_wd_amsgrad");
        Assert.True(c.Bool("amsgrad"));
        RunCase(c, ps => optim.Adam(ps, lr: c.Double("lr"), betas: Betas(c), eps: c.Double("eps"),
                                    weight_decay: c.Double("weight_decay"), amsgrad: true));
    }

    [Fact]
    public void AdamW_MatchesPyTorch_ThreeStepsWithDecoupledWeightDecay()
    {
        var c = GoldenData.Case("adamw");
        RunCase(c, ps => optim.AdamW(ps, lr: c.Double("lr"), betas: Betas(c), eps: c.Double("eps"),
                                     weight_decay: c.Double("weight_decay"), amsgrad: c.Bool("amsgrad")));
    }

    static (double, double) Betas(GoldenCase c)
    {
        var b = c.Param("betas").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return (b[0], b[1]);
    }

    /// <summary>As make_golden.py's optimizer_case: for each step set p.grad to the stored gradient, step, compare.</summary>
    static void RunCase(GoldenCase c, Func<IEnumerable<Tensor>, Optimizer> make)
    {
        using var w0 = Float32Input(c, "w");
        using var b0 = Float32Input(c, "b");
        using var w = new nn.Parameter(w0.clone());
        using var b = new nn.Parameter(b0.clone());
        using var opt = make([w, b]);
        var steps = c.Param("steps").GetInt32();
        for (var i = 0; i < steps; i++)
        {
            using (var gw = Float32Input(c, $"g_w_{i}")) w.grad = gw;
            using (var gb = Float32Input(c, $"g_b_{i}")) b.grad = gb;
            opt.step();
            GoldenAssert.AssertClose(c.Output($"w_after_{i + 1}").Doubles, Array.ConvertAll(w.data<float>(), v => (double)v), Rtol, Atol, $"w after step {i + 1}");
            GoldenAssert.AssertClose(c.Output($"b_after_{i + 1}").Doubles, Array.ConvertAll(b.data<float>(), v => (double)v), Rtol, Atol, $"b after step {i + 1}");
        }
    }

    /// <summary>A stored input, which must be float32 (the optimizers run in float32 as in make_golden.py).</summary>
    static Tensor Float32Input(GoldenCase c, string name)
    {
        var t = c.InputData(name);
        Assert.Equal(ScalarType.Float32, t.DType);
        return t.ToTensor();
    }
}
