using SegGanLab.Torch.Modules;
using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.Optim;

/// <summary>Parameter groups, zero_grad, skipped parameters, option checks and memory behaviour of the optimizers.</summary>
public class OptimizerBehaviourTests
{
    static nn.Parameter Param(params float[] values) => new(tensor(values));

    static void SetGrad(Tensor p, params float[] values)
    {
        using var g = tensor(values);
        p.grad = g;
    }

    [Fact]
    public void ParamGroups_EachUseTheirOwnLearningRate_AndFallBackToTheDefaults()
    {
        using var a = Param(1f, 1f);
        using var b = Param(1f, 1f);
        using var c = Param(1f, 1f);
        using var opt = optim.SGD([new ParamGroup([a], lr: 0.5), new ParamGroup([b], weight_decay: 1.0), new ParamGroup([c])], lr: 0.1);
        Assert.Equal([0.5, 0.1, 0.1], opt.param_groups.Select(g => g.lr));
        Assert.Equal([0.0, 1.0, 0.0], opt.param_groups.Select(g => g.weight_decay));
        foreach (var p in new[] { a, b, c }) SetGrad(p, 1f, 2f);
        opt.step();
        Assert.Equal([0.5f, 0f], a.data<float>());                 // 1 - 0.5 * g
        Assert.Equal([0.8f, 0.7f], b.data<float>());               // 1 - 0.1 * (g + 1 * p)
        Assert.Equal([0.9f, 0.8f], c.data<float>());               // 1 - 0.1 * g
    }

    [Fact]
    public void ParamGroup_LearningRateChange_AffectsOnlyThatGroup()
    {
        using var a = Param(0f);
        using var b = Param(0f);
        using var opt = optim.Adam([new ParamGroup([a]), new ParamGroup([b])], lr: 0.1);
        opt.param_groups[1].lr = 0.01;
        Assert.Equal(0.1, opt.param_groups[0].lr);
        Assert.Equal(0.1, opt.defaults.lr);
        SetGrad(a, 1f);
        SetGrad(b, 1f);
        opt.step();
        // Adam's first step moves each weight by lr (m̂ / sqrt(v̂) = 1, eps aside).
        Assert.Equal(-0.1f, a.data<float>()[0], 1e-6f);
        Assert.Equal(-0.01f, b.data<float>()[0], 1e-6f);
    }

    [Fact]
    public void AddParamGroup_AddsAGroupThatSteps_AndRejectsSharedOrRepeatedParameters()
    {
        using var a = Param(1f);
        using var b = Param(1f);
        using var opt = optim.SGD([a], lr: 0.1);
        var shared = Assert.Throws<ArgumentException>(() => opt.add_param_group(new ParamGroup([a, b])));
        Assert.Contains("more than one parameter group", shared.Message);
        var twice = Assert.Throws<ArgumentException>(() => opt.add_param_group(new ParamGroup([b, b])));
        Assert.Contains("more than once", twice.Message);
        Assert.Single(opt.param_groups);

        opt.add_param_group(new ParamGroup([b], lr: 1.0));
        SetGrad(b, 0.5f);
        opt.step();
        Assert.Equal(0.5f, b.data<float>()[0]);
        Assert.Equal(1f, a.data<float>()[0]); // no gradient: skipped
    }

    [Fact]
    public void ParamGroup_WithAnotherOptimizersOptions_IsRejected()
    {
        using var a = Param(1f);
        var e = Assert.Throws<ArgumentException>(() => optim.Adam([new ParamGroup([a], new SGDOptions { lr = 0.1 })]));
        Assert.Contains("AdamOptions", e.Message);
    }

    [Fact]
    public void ParamGroup_WithItsOwnFullOptions_UsesThem()
    {
        using var a = Param(0f);
        using var opt = optim.Adam([new ParamGroup([a], new AdamOptions { lr = 0.2, betas = (0.5, 0.9), amsgrad = true })], lr: 0.1);
        var o = Assert.IsType<AdamOptions>(opt.param_groups[0].Options);
        Assert.Equal((0.5, 0.9), o.betas);
        Assert.True(o.amsgrad);
        SetGrad(a, 1f);
        opt.step();
        Assert.Equal(-0.2f, a.data<float>()[0], 1e-6f);
        Assert.True(opt.state[a].tensors.ContainsKey("max_exp_avg_sq"));
    }

    [Fact]
    public void ZeroGrad_ByDefault_DropsEveryGradient()
    {
        using var a = Param(1f, 2f);
        using var b = Param(3f);
        using var opt = optim.SGD([new ParamGroup([a]), new ParamGroup([b])], lr: 0.1);
        SetGrad(a, 1f, 1f);
        SetGrad(b, 1f);
        opt.zero_grad();
        Assert.False(a.has_grad);
        Assert.False(b.has_grad);
    }

    [Fact]
    public void ZeroGrad_WithoutSetToNone_KeepsZeroedGradients()
    {
        using var a = Param(1f, 2f);
        using var opt = optim.SGD([a], lr: 0.1);
        SetGrad(a, 4f, 5f);
        opt.zero_grad(set_to_none: false);
        using var g = a.grad;
        Assert.NotNull(g);
        Assert.Equal([0f, 0f], g.data<float>());
    }

    [Fact]
    public void Step_SkipsParametersWithoutGradient_AndCreatesNoStateForThem()
    {
        using var a = Param(1f);
        using var b = Param(1f);
        using var opt = optim.Adam([a, b], lr: 0.1);
        SetGrad(a, 1f);
        opt.step();
        Assert.Equal(1f, b.data<float>()[0]);
        Assert.True(opt.state.ContainsKey(a));
        Assert.False(opt.state.ContainsKey(b));
        Assert.Equal(1L, opt.state[a].step);
    }

    [Fact]
    public void Step_RecordsNoAutogradHistory()
    {
        using var a = Param(1f, 2f);
        using var opt = optim.SGD([a], lr: 0.1, momentum: 0.9);
        SetGrad(a, 1f, 1f);
        opt.step();
        Assert.True(a.is_leaf);
        Assert.False(a.has_grad_fn);
        Assert.False(opt.state[a].tensors["momentum_buffer"].requires_grad);
    }

    [Fact]
    public void Maximize_AscendsTheObjective_ExactlyAsMinimisingItsNegation()
    {
        using var up = Param(0.5f, -1f);
        using var down = Param(0.5f, -1f);
        using var maxOpt = optim.Adam([up], lr: 0.1, weight_decay: 0.01, maximize: true);
        using var minOpt = optim.Adam([down], lr: 0.1, weight_decay: 0.01);
        for (var i = 0; i < 3; i++)
        {
            SetGrad(up, 1f, 2f);
            SetGrad(down, -1f, -2f);
            maxOpt.step();
            minOpt.step();
        }
        Assert.Equal(down.data<float>(), up.data<float>());
        Assert.True(up.data<float>()[0] > 0.5f);
    }

    [Fact]
    public void AdamW_WithZeroGradient_OnlyShrinksTheWeights_WhileAdamLeavesThemAlone()
    {
        using var w = Param(2f, -4f);
        using var v = Param(2f, -4f);
        using var adamw = optim.AdamW([w], lr: 0.1, weight_decay: 0.5);
        using var adam = optim.Adam([v], lr: 0.1, weight_decay: 0.5);
        SetGrad(w, 0f, 0f);
        SetGrad(v, 0f, 0f);
        adamw.step();
        adam.step();
        // AdamW: p *= 1 - lr * wd = 0.95, and a zero moment adds nothing.
        Assert.Equal([1.9f, -3.8f], w.data<float>());
        // Adam's L2 term goes through the adaptive denominator: each weight moves by about lr.
        Assert.Equal([1.9f, -3.9f], v.data<float>().Select(x => MathF.Round(x, 4)));
    }

    [Fact]
    public void SGD_RejectsInvalidOptions_WithClearMessages()
    {
        using var a = Param(1f);
        Assert.Contains("Invalid learning rate: -0.1", Assert.Throws<ArgumentException>(() => optim.SGD([a], lr: -0.1)).Message);
        Assert.Contains("Invalid learning rate: NaN", Assert.Throws<ArgumentException>(() => optim.SGD([a], lr: double.NaN)).Message);
        Assert.Contains("Invalid momentum value", Assert.Throws<ArgumentException>(() => optim.SGD([a], lr: 0.1, momentum: -0.5)).Message);
        Assert.Contains("Invalid weight_decay value", Assert.Throws<ArgumentException>(() => optim.SGD([a], lr: 0.1, weight_decay: -1)).Message);
        Assert.Contains("Nesterov momentum requires a momentum", Assert.Throws<ArgumentException>(() => optim.SGD([a], lr: 0.1, nesterov: true)).Message);
        Assert.Contains("zero dampening", Assert.Throws<ArgumentException>(() => optim.SGD([a], lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true)).Message);
        Assert.Contains("Invalid learning rate", Assert.Throws<ArgumentException>(() => optim.SGD([new ParamGroup([a], lr: -1)], lr: 0.1)).Message);
        Assert.Contains("parameter group without parameters", Assert.Throws<ArgumentException>(() => optim.SGD(Array.Empty<Tensor>(), lr: 0.1)).Message);
    }

    [Fact]
    public void Adam_RejectsInvalidOptions_WithClearMessages()
    {
        using var a = Param(1f);
        Assert.Contains("Invalid learning rate", Assert.Throws<ArgumentException>(() => optim.Adam([a], lr: -1e-3)).Message);
        Assert.Contains("Invalid beta parameter at index 0: 1", Assert.Throws<ArgumentException>(() => optim.Adam([a], betas: (1.0, 0.999))).Message);
        Assert.Contains("Invalid beta parameter at index 1: -0.1", Assert.Throws<ArgumentException>(() => optim.AdamW([a], betas: (0.9, -0.1))).Message);
        Assert.Contains("Invalid epsilon value", Assert.Throws<ArgumentException>(() => optim.Adam([a], eps: -1e-8)).Message);
        Assert.Contains("Invalid weight_decay value", Assert.Throws<ArgumentException>(() => optim.AdamW([a], weight_decay: -0.01)).Message);
    }

    [Fact]
    public void Optimizer_RejectsNonLeafTensors()
    {
        using var a = Param(1f);
        using var derived = a.mul(2);
        var e = Assert.Throws<ArgumentException>(() => optim.SGD([derived], lr: 0.1));
        Assert.Contains("non-leaf", e.Message);
    }

    [Fact]
    public void AdamSteps_OnASmallModel_LeaveNoTensorsBehind()
    {
        manual_seed(7);
        using var model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1));
        using var x = randn(16, 4);
        using var y = randn(16, 1);
        using var opt = optim.Adam(model.parameters(), lr: 1e-3, amsgrad: true, weight_decay: 1e-4);
        void TrainStep()
        {
            using var scope = NewDisposeScope();
            var loss = F.mse_loss(model.forward(x), y);
            loss.backward();
            opt.step();
            opt.zero_grad();
        }
        TrainStep(); // creates the optimizer state, which is meant to stay
        var live = LiveTensors.Settled();
        var native = TensorStatistics.NativeLive;
        for (var i = 0; i < 100; i++) TrainStep();
        Assert.Equal(live, TensorStatistics.Live);
        Assert.Equal(native, TensorStatistics.NativeLive);
        Assert.Equal(101L, opt.state[model.parameters().First()].step);
    }

    [Fact]
    public void Dispose_FreesTheOptimizerState_ButNotTheParameters()
    {
        using var a = Param(1f, 2f);
        var before = LiveTensors.Settled();
        var opt = optim.Adam([a], lr: 0.1, amsgrad: true);
        SetGrad(a, 1f, 1f);
        opt.step();
        Assert.Equal(before + 3, TensorStatistics.Live); // exp_avg, exp_avg_sq, max_exp_avg_sq
        opt.Dispose();
        Assert.Equal(before, TensorStatistics.Live);
        Assert.False(a.IsInvalid);
        Assert.Throws<ObjectDisposedException>(() => opt.step());
    }
}
