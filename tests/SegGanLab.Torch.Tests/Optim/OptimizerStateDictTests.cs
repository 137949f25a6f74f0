using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Optim;

/// <summary>
/// Optimizer state dicts: resuming from a saved state continues exactly as an uninterrupted run,
/// the flat (safetensors) form round-trips, and bad state dicts fail before changing anything.
/// </summary>
public class OptimizerStateDictTests
{
    const int Steps = 8, SaveAt = 3;

    /// <summary>Two parameters in two groups with different learning rates.</summary>
    static Optimizer Make(string kind, Tensor a, Tensor b, double lr = 0.05) => kind switch
    {
        "SGD" => optim.SGD([new ParamGroup([a]), new ParamGroup([b], lr: lr / 2)], lr: lr, momentum: 0.9, nesterov: true, weight_decay: 1e-3),
        "Adam" => optim.Adam([new ParamGroup([a]), new ParamGroup([b], lr: lr / 2)], lr: lr, betas: (0.5, 0.999), amsgrad: true, weight_decay: 1e-3),
        "AdamW" => optim.AdamW([new ParamGroup([a]), new ParamGroup([b], lr: lr / 2)], lr: lr),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Gradients of a fixed quadratic-plus-sine objective, so they depend on the weights.</summary>
    static void Backward(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        var loss = (a * a * 3).sum() + (b.sin() * a.sum()).sum() + (b * b).sum();
        loss.backward();
    }

    static (nn.Parameter a, nn.Parameter b) Weights()
    {
        using var a0 = tensor(new float[] { 0.3f, -1.2f, 2.0f, 0.7f, -0.1f, 1.1f }, [2, 3]);
        using var b0 = tensor(new float[] { 1.5f, -0.4f, 0.9f });
        return (new nn.Parameter(a0), new nn.Parameter(b0));
    }

    [Theory]
    [InlineData("SGD")]
    [InlineData("Adam")]
    [InlineData("AdamW")]
    public void StateDict_SavedAndLoadedIntoANewOptimizer_ContinuesBitwiseIdentically(string kind)
    {
        var (a1, b1) = Weights();
        var (a2, b2) = Weights();
        using var _a1 = a1; using var _b1 = b1; using var _a2 = a2; using var _b2 = b2;

        using (var straight = Make(kind, a1, b1))
            for (var i = 0; i < Steps; i++) { straight.zero_grad(); Backward(a1, b1); straight.step(); }

        Dictionary<string, Tensor> tensors;
        Dictionary<string, string> scalars;
        using (var first = Make(kind, a2, b2))
        {
            for (var i = 0; i < SaveAt; i++) { first.zero_grad(); Backward(a2, b2); first.step(); }
            using var saved = first.state_dict();
            (tensors, scalars) = saved.ToFlat();
            // Copy, as a file would: the restored state must not depend on the old optimizer's memory.
            foreach (var k in tensors.Keys.ToList())
            {
                using var alias = tensors[k];
                tensors[k] = alias.clone().DetachFromDisposeScope();
            }
        }
        // A different lr on purpose: loading restores the saved hyper-parameters.
        using var resumed = Make(kind, a2, b2, lr: 123.0);
        using (var loaded = OptimizerStateDict.FromFlat(tensors, scalars)) resumed.load_state_dict(loaded);
        foreach (var t in tensors.Values) t.Dispose();
        Assert.Equal([0.05, 0.025], resumed.param_groups.Select(g => g.lr));
        for (var i = SaveAt; i < Steps; i++) { resumed.zero_grad(); Backward(a2, b2); resumed.step(); }

        Assert.Equal(a1.data<float>(), a2.data<float>());
        Assert.Equal(b1.data<float>(), b2.data<float>());
    }

    [Theory]
    [InlineData("SGD")]
    [InlineData("Adam")]
    public void SaveToFile_ThenLoadIntoANewOptimizer_ContinuesBitwiseIdentically(string kind)
    {
        var (a1, b1) = Weights();
        var (a2, b2) = Weights();
        using var _a1 = a1; using var _b1 = b1; using var _a2 = a2; using var _b2 = b2;
        var dir = Directory.CreateTempSubdirectory("seggan-optim-");
        try
        {
            var path = Path.Combine(dir.FullName, "optimizer.safetensors");
            using (var straight = Make(kind, a1, b1))
                for (var i = 0; i < Steps; i++) { straight.zero_grad(); Backward(a1, b1); straight.step(); }
            using (var first = Make(kind, a2, b2))
            {
                for (var i = 0; i < SaveAt; i++) { first.zero_grad(); Backward(a2, b2); first.step(); }
                first.save(path);
            }
            using var resumed = Make(kind, a2, b2, lr: 123.0);
            resumed.load(path);
            for (var i = SaveAt; i < Steps; i++) { resumed.zero_grad(); Backward(a2, b2); resumed.step(); }
            Assert.Equal(a1.data<float>(), a2.data<float>());
            Assert.Equal(b1.data<float>(), b2.data<float>());
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void StateDict_WithSchedulers_ResumesLearningRatesAndWeightsExactly()
    {
        var (a1, b1) = Weights();
        var (a2, b2) = Weights();
        using var _a1 = a1; using var _b1 = b1; using var _a2 = a2; using var _b2 = b2;
        LRScheduler Schedule(Optimizer o) => optim.lr_scheduler.LinearWarmupLR(optim.lr_scheduler.CosineAnnealingLR(o, T_max: 6, eta_min: 1e-3), warmup_steps: 2);

        var straightLrs = new List<double>();
        using (var opt = Make("Adam", a1, b1))
        {
            var sched = Schedule(opt);
            for (var i = 0; i < Steps; i++) { opt.zero_grad(); Backward(a1, b1); opt.step(); sched.step(); straightLrs.AddRange(sched.get_last_lr()); }
        }

        var resumedLrs = new List<double>();
        Dictionary<string, string> schedState;
        Dictionary<string, Tensor> tensors;
        Dictionary<string, string> scalars;
        using (var opt = Make("Adam", a2, b2))
        {
            var sched = Schedule(opt);
            for (var i = 0; i < SaveAt; i++) { opt.zero_grad(); Backward(a2, b2); opt.step(); sched.step(); resumedLrs.AddRange(sched.get_last_lr()); }
            schedState = sched.state_dict();
            using var sd = opt.state_dict();
            var (aliases, s) = sd.ToFlat();
            (tensors, scalars) = (aliases.ToDictionary(kv => kv.Key, kv => kv.Value.clone().DetachFromDisposeScope()), s);
            foreach (var x in aliases.Values) x.Dispose();
        }
        using (var opt = Make("Adam", a2, b2, lr: 7.0))
        {
            using (var loaded = OptimizerStateDict.FromFlat(tensors, scalars)) opt.load_state_dict(loaded);
            foreach (var x in tensors.Values) x.Dispose();
            // Built after the optimizer's load, the scheduler's initial step resets the lr; its own load restores it.
            var sched = Schedule(opt);
            sched.load_state_dict(schedState);
            for (var i = SaveAt; i < Steps; i++) { opt.zero_grad(); Backward(a2, b2); opt.step(); sched.step(); resumedLrs.AddRange(sched.get_last_lr()); }
        }

        Assert.Equal(straightLrs, resumedLrs);
        Assert.Equal(a1.data<float>(), a2.data<float>());
        Assert.Equal(b1.data<float>(), b2.data<float>());
    }

    [Fact]
    public void ToFlat_UsesPyTorchStyleKeys_AndExactInvariantStrings()
    {
        var (a, b) = Weights();
        using var _a = a; using var _b = b;
        using var opt = optim.Adam([new ParamGroup([a]), new ParamGroup([b], lr: 0.1 / 3)], lr: 0.1, betas: (0.5, 0.999));
        Backward(a, b);
        opt.step();
        opt.param_groups[0].initial_lr = 0.1;
        using var sd = opt.state_dict();
        var (tensors, scalars) = sd.ToFlat();
        try
        {
            Assert.Equal(["state.0.exp_avg", "state.0.exp_avg_sq", "state.1.exp_avg", "state.1.exp_avg_sq"], tensors.Keys.Order());
            Assert.Equal("Adam", scalars["optimizer"]);
            Assert.Equal("1", scalars["state.0.step"]);
            Assert.Equal("0", scalars["param_groups.0.params"]);
            Assert.Equal("1", scalars["param_groups.1.params"]);
            Assert.Equal("0.5,0.999", scalars["param_groups.0.betas"]);
            Assert.Equal("0.1", scalars["param_groups.0.initial_lr"]);
            Assert.False(scalars.ContainsKey("param_groups.1.initial_lr"));
            Assert.Equal(0.1 / 3, double.Parse(scalars["param_groups.1.lr"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("false", scalars["param_groups.1.amsgrad"]);
            Assert.True(tensors["state.0.exp_avg"].allclose(opt.state[a].tensors["exp_avg"], 0, 0));
        }
        finally { foreach (var t in tensors.Values) t.Dispose(); }
    }

    [Fact]
    public void FromFlat_WithPrefixes_KeepsTwoOptimizersInOneFileApart()
    {
        var (a, b) = Weights();
        using var _a = a; using var _b = b;
        using var g = optim.Adam([a], lr: 2e-4);
        using var d = optim.SGD([b], lr: 0.1, momentum: 0.5);
        Backward(a, b);
        g.step();
        d.step();
        var tensors = new Dictionary<string, Tensor>();
        var scalars = new Dictionary<string, string> { ["epoch"] = "4" };
        foreach (var (prefix, opt) in new[] { ("optimizer_G.", (Optimizer)g), ("optimizer_D.", d) })
        {
            using var sd = opt.state_dict();
            var (t, s) = sd.ToFlat(prefix);
            foreach (var kv in t) tensors.Add(kv.Key, kv.Value);
            foreach (var kv in s) scalars.Add(kv.Key, kv.Value);
        }
        try
        {
            using var gState = OptimizerStateDict.FromFlat(tensors, scalars, "optimizer_G.");
            using var dState = OptimizerStateDict.FromFlat(tensors, scalars, "optimizer_D.");
            Assert.Equal("Adam", gState.optimizer);
            Assert.Equal(["exp_avg", "exp_avg_sq"], gState.state[0].tensors.Keys.Order());
            Assert.Equal("SGD", dState.optimizer);
            Assert.Equal(["momentum_buffer"], dState.state[0].tensors.Keys);
            Assert.Null(dState.state[0].step);
            Assert.Equal("0.5", dState.param_groups[0].options["momentum"]);
        }
        finally { foreach (var t in tensors.Values) t.Dispose(); }
    }

    [Fact]
    public void LoadStateDict_ThatDoesNotFit_ThrowsAndChangesNothing()
    {
        var (a, b) = Weights();
        using var _a = a; using var _b = b;
        using var adam = optim.Adam([a, b], lr: 0.1);
        using var other = optim.Adam([b], lr: 0.1);
        using var sgd = optim.SGD([a, b], lr: 0.1);
        using var target = optim.Adam([a, b], lr: 0.3, amsgrad: true);
        Backward(a, b);
        adam.step();
        other.step();
        using var adamState = adam.state_dict();
        using var otherState = other.state_dict();
        using var sgdState = sgd.state_dict();

        Assert.Contains("Cannot load a SGD state dict into Adam", Assert.Throws<ArgumentException>(() => adam.load_state_dict(sgdState)).Message);
        Assert.Contains("has 1 parameters but this optimizer's has 2", Assert.Throws<ArgumentException>(() => adam.load_state_dict(otherState)).Message);
        // A state missing one of Adam's moments is caught before anything changes.
        var (tensors, scalars) = adamState.ToFlat();
        tensors.Remove("state.1.exp_avg_sq", out var removed);
        removed!.Dispose();
        using (var incomplete = OptimizerStateDict.FromFlat(tensors, scalars))
        {
            var missing = Assert.Throws<ArgumentException>(() => target.load_state_dict(incomplete));
            Assert.Contains("parameter 1 has no 'exp_avg_sq'", missing.Message);
        }
        scalars.Remove("state.0.step");
        using (var stepless = OptimizerStateDict.FromFlat(tensors, scalars))
            Assert.Contains("parameter 0 has no step count", Assert.Throws<ArgumentException>(() => target.load_state_dict(stepless)).Message);
        foreach (var t in tensors.Values) t.Dispose();
        Assert.Equal(0.3, target.param_groups[0].lr);
        Assert.Empty(target.state);

        // A shape mismatch: the same optimizer over parameters shaped differently.
        using var c = new nn.Parameter(zeros(3, 2));
        using var d = new nn.Parameter(zeros(3));
        using var reshaped = optim.Adam([c, d], lr: 0.1);
        Assert.Contains("is [2, 3] but the parameter is [3, 2]", Assert.Throws<ArgumentException>(() => reshaped.load_state_dict(adamState)).Message);
        Assert.Empty(reshaped.state);
    }

    [Fact]
    public void StateDict_SaveAndLoad_LeaveNoTensorsBehind()
    {
        var (a, b) = Weights();
        using var _a = a; using var _b = b;
        using var opt = optim.Adam([a, b], lr: 0.1, amsgrad: true);
        Backward(a, b);
        opt.step();
        // Settled: an earlier test's garbage finalized mid-test would otherwise lower the count.
        var live = LiveTensors.Settled();
        for (var i = 0; i < 5; i++)
        {
            using var sd = opt.state_dict();
            var (t, s) = sd.ToFlat();
            using (var back = OptimizerStateDict.FromFlat(t, s)) opt.load_state_dict(back);
            foreach (var x in t.Values) x.Dispose();
        }
        Assert.Equal(live, LiveTensors.Settled());
    }

    [Fact]
    public void FromFlat_WithoutOptimizerName_OrWithAHoleInTheGroups_Throws()
    {
        var none = new Dictionary<string, Tensor>();
        Assert.Contains("'optimizer'", Assert.Throws<ArgumentException>(() => OptimizerStateDict.FromFlat(none, new Dictionary<string, string>())).Message);
        var gap = new Dictionary<string, string> { ["optimizer"] = "SGD", ["param_groups.1.params"] = "0", ["param_groups.1.lr"] = "0.1" };
        Assert.Contains("incomplete parameter group 1", Assert.Throws<ArgumentException>(() => OptimizerStateDict.FromFlat(none, gap)).Message);
    }
}
