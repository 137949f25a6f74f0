using System.Text.Json;
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
        var c = OptimGolden.Case("sgd_momentum_nesterov");
        RunCase(c, ps => optim.SGD(ps, lr: c.Param("lr").GetDouble(), momentum: c.Param("momentum").GetDouble(),
                                   dampening: c.Param("dampening").GetDouble(), weight_decay: c.Param("weight_decay").GetDouble(),
                                   nesterov: c.Param("nesterov").GetBoolean()));
    }

    [Fact]
    public void SGD_MatchesPyTorch_ThreePlainSteps()
    {
        var c = OptimGolden.Case("sgd_plain");
        RunCase(c, ps => optim.SGD(ps, lr: c.Param("lr").GetDouble()));
    }

    [Fact]
    public void Adam_MatchesPyTorch_ThreeStepsFromFixedWeights()
    {
        var c = OptimGolden.Case("adam");
        RunCase(c, ps => optim.Adam(ps, lr: c.Param("lr").GetDouble(), betas: Betas(c), eps: c.Param("eps").GetDouble(),
                                    weight_decay: c.Param("weight_decay").GetDouble()));
    }

    [Fact]
    public void Adam_MatchesPyTorch_ThreeStepsWithWeightDecayAndAmsgrad()
    {
        var c = OptimGolden.Case("adam_wd_amsgrad");
        Assert.True(c.Param("amsgrad").GetBoolean());
        RunCase(c, ps => optim.Adam(ps, lr: c.Param("lr").GetDouble(), betas: Betas(c), eps: c.Param("eps").GetDouble(),
                                    weight_decay: c.Param("weight_decay").GetDouble(), amsgrad: true));
    }

    [Fact]
    public void AdamW_MatchesPyTorch_ThreeStepsWithDecoupledWeightDecay()
    {
        var c = OptimGolden.Case("adamw");
        RunCase(c, ps => optim.AdamW(ps, lr: c.Param("lr").GetDouble(), betas: Betas(c), eps: c.Param("eps").GetDouble(),
                                     weight_decay: c.Param("weight_decay").GetDouble(), amsgrad: c.Param("amsgrad").GetBoolean()));
    }

    static (double, double) Betas(JsonElement c)
    {
        var b = c.Param("betas").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return (b[0], b[1]);
    }

    /// <summary>As make_golden.py's optimizer_case: for each step set p.grad to the stored gradient, step, compare.</summary>
    static void RunCase(JsonElement c, Func<IEnumerable<Tensor>, Optimizer> make)
    {
        using var w0 = c.Float32("inputs", "w");
        using var b0 = c.Float32("inputs", "b");
        using var w = new nn.Parameter(w0.clone());
        using var b = new nn.Parameter(b0.clone());
        using var opt = make([w, b]);
        var steps = c.Param("steps").GetInt32();
        for (var i = 0; i < steps; i++)
        {
            using (var gw = c.Float32("inputs", $"g_w_{i}")) w.grad = gw;
            using (var gb = c.Float32("inputs", $"g_b_{i}")) b.grad = gb;
            opt.step();
            OptimGolden.AssertClose(c.Values("outputs", $"w_after_{i + 1}"), Array.ConvertAll(w.data<float>(), v => (double)v), Rtol, Atol, $"w after step {i + 1}");
            OptimGolden.AssertClose(c.Values("outputs", $"b_after_{i + 1}"), Array.ConvertAll(b.data<float>(), v => (double)v), Rtol, Atol, $"b after step {i + 1}");
        }
    }
}
