using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Optim;

/// <summary>Scheduler behaviour beyond the golden lists: groups, state round trips, resumption and argument checks.</summary>
public class SchedulerBehaviourTests
{
    static (nn.Parameter a, nn.Parameter b, SGD opt) TwoGroups()
    {
        var a = new nn.Parameter(zeros(1));
        var b = new nn.Parameter(zeros(1));
        return (a, b, optim.SGD([new ParamGroup([a]), new ParamGroup([b], lr: 0.01)], lr: 0.1));
    }

    [Fact]
    public void Scheduler_SetsEveryGroupsLearningRate_FromThatGroupsBase()
    {
        var (a, b, opt) = TwoGroups();
        using var _a = a; using var _b = b; using var _o = opt;
        var sched = optim.lr_scheduler.StepLR(opt, step_size: 2, gamma: 0.5);
        Assert.Equal([0.1, 0.01], sched.base_lrs);
        Assert.Equal([0.1, 0.01], opt.param_groups.Select(g => g.initial_lr!.Value));
        sched.step();
        sched.step();
        Assert.Equal([0.05, 0.005], sched.get_last_lr());
        Assert.Equal([0.05, 0.005], opt.param_groups.Select(g => g.lr));
    }

    [Fact]
    public void LambdaLR_TakesOneFunctionPerGroup_OrRejectsAWrongCount()
    {
        var (a, b, opt) = TwoGroups();
        using var _a = a; using var _b = b; using var _o = opt;
        var sched = optim.lr_scheduler.LambdaLR(opt, [e => 1.0 / (e + 1), e => e + 1.0]);
        Assert.Equal([0.1, 0.01], sched.get_last_lr());
        sched.step();
        Assert.Equal([0.05, 0.02], sched.get_last_lr());
        var e = Assert.Throws<ArgumentException>(() => optim.lr_scheduler.LambdaLR(opt, [x => 1.0, x => 1.0, x => 1.0]));
        Assert.Contains("Expected 2 lr_lambdas", e.Message);
    }

    public static TheoryData<string> Kinds => ["StepLR", "CosineAnnealingLR", "PolyLR", "LinearDecayLR", "LambdaLR", "LinearWarmupLR"];

    static LRScheduler Make(string kind, Optimizer o) => kind switch
    {
        "StepLR" => optim.lr_scheduler.StepLR(o, 3, 0.3),
        "CosineAnnealingLR" => optim.lr_scheduler.CosineAnnealingLR(o, 7, 1e-4),
        "PolyLR" => optim.lr_scheduler.PolyLR(o, 9),
        "LinearDecayLR" => optim.lr_scheduler.LinearDecayLR(o, 4, 6),
        "LambdaLR" => optim.lr_scheduler.LambdaLR(o, e => Math.Exp(-0.1 * e)),
        "LinearWarmupLR" => optim.lr_scheduler.LinearWarmupLR(optim.lr_scheduler.CosineAnnealingLR(o, 7, 1e-4), 4, 0.2),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void StateDict_RestoredIntoANewScheduler_ContinuesWithIdenticalLearningRates(string kind)
    {
        var (a, b, opt) = TwoGroups();
        using var _a = a; using var _b = b; using var _o = opt;
        var straight = Make(kind, opt);
        var expected = new List<double[]>();
        for (var i = 0; i < 12; i++) { straight.step(); expected.Add(straight.get_last_lr()); }

        var (c, d, opt2) = TwoGroups();
        using var _c = c; using var _d = d; using var _o2 = opt2;
        var first = Make(kind, opt2);
        for (var i = 0; i < 5; i++) first.step();
        var state = first.state_dict();

        var (e, f, opt3) = TwoGroups();
        using var _e = e; using var _f = f; using var _o3 = opt3;
        var resumed = Make(kind, opt3);
        resumed.load_state_dict(state);
        Assert.Equal(5, resumed.last_epoch);
        for (var i = 5; i < 12; i++)
        {
            resumed.step();
            Assert.Equal(expected[i], resumed.get_last_lr());
            Assert.Equal(expected[i], opt3.param_groups.Select(g => g.lr));
        }
    }

    [Fact]
    public void LoadStateDict_FromAnotherSchedulerType_Throws()
    {
        var (a, b, opt) = TwoGroups();
        using var _a = a; using var _b = b; using var _o = opt;
        var step = optim.lr_scheduler.StepLR(opt, 3);
        var cosine = optim.lr_scheduler.CosineAnnealingLR(opt, 10);
        var e = Assert.Throws<ArgumentException>(() => cosine.load_state_dict(step.state_dict()));
        Assert.Contains("Cannot load a StepLR state into CosineAnnealingLR", e.Message);
        var state = cosine.state_dict();
        state.Remove("eta_min");
        Assert.Contains("'eta_min'", Assert.Throws<ArgumentException>(() => cosine.load_state_dict(state)).Message);
    }

    [Fact]
    public void ResumingAtALaterEpoch_NeedsInitialLr_AndThenUsesTheClosedForm()
    {
        using var w = new nn.Parameter(zeros(1));
        using var opt = optim.SGD([w], lr: 0.1);
        var e = Assert.Throws<ArgumentException>(() => optim.lr_scheduler.CosineAnnealingLR(opt, 10, 0.001, last_epoch: 4));
        Assert.Contains("initial_lr", e.Message);

        opt.param_groups[0].initial_lr = 0.1;
        opt.param_groups[0].lr = 0.5; // whatever the lr is, a resumed cosine starts from the closed form at epoch 5
        var sched = optim.lr_scheduler.CosineAnnealingLR(opt, 10, 0.001, last_epoch: 4);
        Assert.Equal(5, sched.last_epoch);
        Assert.Equal(0.001 + (0.1 - 0.001) * (1 + Math.Cos(5 * Math.PI / 10)) / 2, opt.param_groups[0].lr, 1e-15);
    }

    [Fact]
    public void PolyLR_AndLinearDecayLR_StayAtZero_PastTheEndOfTheSchedule()
    {
        using var w = new nn.Parameter(zeros(1));
        using var opt1 = optim.SGD([w], lr: 0.1);
        var poly = optim.lr_scheduler.PolyLR(opt1, max_iter: 3);
        using var opt2 = optim.SGD([w], lr: 0.1);
        var linear = optim.lr_scheduler.LinearDecayLR(opt2, n_epochs: 1, n_epochs_decay: 2);
        for (var i = 0; i < 8; i++) { poly.step(); linear.step(); }
        Assert.Equal(0.0, poly.get_last_lr()[0]);
        Assert.Equal(0.0, linear.get_last_lr()[0]);
    }

    [Fact]
    public void Schedulers_RejectInvalidArguments()
    {
        using var w = new nn.Parameter(zeros(1));
        using var opt = optim.SGD([w], lr: 0.1);
        Assert.Contains("step_size >= 1", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.StepLR(opt, 0)).Message);
        Assert.Contains("gamma", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.StepLR(opt, 2, -0.5)).Message);
        Assert.Contains("T_max >= 1", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.CosineAnnealingLR(opt, 0)).Message);
        Assert.Contains("eta_min", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.CosineAnnealingLR(opt, 5, -1)).Message);
        Assert.Contains("max_iter >= 1", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.PolyLR(opt, 0)).Message);
        Assert.Contains("power > 0", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.PolyLR(opt, 10, 0)).Message);
        Assert.Contains("epoch_count >= 1", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.LinearDecayLR(opt, 5, 5, epoch_count: 0)).Message);
        Assert.Contains("last_epoch", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.StepLR(opt, 2, last_epoch: -2)).Message);
        var inner = optim.lr_scheduler.StepLR(opt, 2);
        Assert.Contains("warmup_steps >= 1", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.LinearWarmupLR(inner, 0)).Message);
        Assert.Contains("start_factor in [0, 1]", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.LinearWarmupLR(inner, 5, 1.5)).Message);
        inner.step();
        Assert.Contains("must be new", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.LinearWarmupLR(inner, 5)).Message);
    }
}
