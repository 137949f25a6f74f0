using SegGanLab.Tests.Golden;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Optim;

/// <summary>
/// Learning rates after each of ten scheduler steps, compared with golden case "schedulers"
/// (PyTorch 1.13's StepLR, CosineAnnealingLR and pix2pix's LambdaLR rule; the poly closed form).
/// </summary>
public class SchedulerGoldenTests
{
    static readonly GoldenCase Case = GoldenData.Case("schedulers");

    [Fact]
    public void StepLR_MatchesPyTorch_TenEpochs()
    {
        var p = Case.Param("steplr");
        var lrs = Run(o => optim.lr_scheduler.StepLR(o, p.GetProperty("step_size").GetInt32(), p.GetProperty("gamma").GetDouble()));
        GoldenAssert.AssertClose(Case.Output("steplr").Doubles, lrs, 0, 1e-15, "StepLR lr");
    }

    [Fact]
    public void CosineAnnealingLR_MatchesPyTorchRecursiveForm_TenEpochs()
    {
        var p = Case.Param("cosine");
        var lrs = Run(o => optim.lr_scheduler.CosineAnnealingLR(o, p.GetProperty("T_max").GetInt32(), p.GetProperty("eta_min").GetDouble()));
        GoldenAssert.AssertClose(Case.Output("cosine").Doubles, lrs, 0, 1e-12, "CosineAnnealingLR lr");
    }

    [Fact]
    public void CosineAnnealingLR_StaysWithinRoundingOfTheClosedForm()
    {
        // The recursive update is an implementation detail; the schedule it must produce is the closed form.
        var lrs = Run(o => optim.lr_scheduler.CosineAnnealingLR(o, 10, 0.001));
        var closed = Enumerable.Range(1, 10).Select(t => 0.001 + (0.1 - 0.001) * (1 + Math.Cos(Math.PI * t / 10)) / 2).ToArray();
        GoldenAssert.AssertClose(closed, lrs, 0, 1e-9, "closed-form cosine");
    }

    [Fact]
    public void PolyLR_MatchesTheSegmentationPolyFormula_TenIterations()
    {
        var p = Case.Param("poly");
        var lrs = Run(o => optim.lr_scheduler.PolyLR(o, p.GetProperty("max_iter").GetInt32(), p.GetProperty("power").GetDouble()));
        GoldenAssert.AssertClose(Case.Output("poly").Doubles, lrs, 0, 1e-15, "PolyLR lr");
    }

    [Fact]
    public void LinearDecayLR_MatchesPix2PixLinearPolicy_TenEpochs()
    {
        var p = Case.Param("linear_decay");
        var lrs = Run(o => optim.lr_scheduler.LinearDecayLR(o, p.GetProperty("n_epochs").GetInt32(), p.GetProperty("n_epochs_decay").GetInt32(),
                                                            p.GetProperty("epoch_count").GetInt32()));
        GoldenAssert.AssertClose(Case.Output("linear_decay").Doubles, lrs, 0, 1e-15, "LinearDecayLR lr");
    }

    [Fact]
    public void LambdaLR_WithPix2PixRule_MatchesPyTorch_TenEpochs()
    {
        // make_golden.py produced linear_decay with exactly this LambdaLR.
        var lrs = Run(o => optim.lr_scheduler.LambdaLR(o, epoch => 1.0 - Math.Max(0, epoch + 1 - 5) / (double)(5 + 1)));
        GoldenAssert.AssertClose(Case.Output("linear_decay").Doubles, lrs, 0, 1e-15, "LambdaLR lr");
    }

    [Fact]
    public void LinearWarmupLR_RampsUpThenFollowsTheWrappedCosine()
    {
        const int warmup = 3;
        const double start = 0.1;
        var lrs = Run(o => optim.lr_scheduler.LinearWarmupLR(optim.lr_scheduler.CosineAnnealingLR(o, 10, 0.001), warmup, start));
        var cosine = Case.Output("cosine").Doubles;
        for (var t = 1; t <= 10; t++)
        {
            var factor = t < warmup ? start + (1 - start) * t / warmup : 1.0;
            Assert.Equal(cosine[t - 1] * factor, lrs[t - 1], 1e-12);
        }
    }

    [Fact]
    public void LinearWarmupLR_StartsAtStartFactorTimesBaseLr_BeforeAnyStep()
    {
        using var w = new nn.Parameter(zeros(1));
        using var opt = optim.SGD([w], lr: 0.1);
        var sched = optim.lr_scheduler.LinearWarmupLR(optim.lr_scheduler.StepLR(opt, 2, 0.5), warmup_steps: 4, start_factor: 0.25);
        Assert.Equal(0.025, opt.param_groups[0].lr, 1e-15);
        Assert.Equal([0.025], sched.get_last_lr());
    }

    /// <summary>As make_golden.py's run_scheduler: SGD(lr = base) over one zero weight; optimizer.step then scheduler.step.</summary>
    static double[] Run(Func<Optimizer, LRScheduler> make)
    {
        using var w = new nn.Parameter(zeros(1));
        using var opt = optim.SGD([w], lr: Case.Param("base_lr").GetDouble());
        var sched = make(opt);
        var lrs = new double[Case.Param("epochs").GetInt32()];
        for (var i = 0; i < lrs.Length; i++)
        {
            opt.step();
            sched.step();
            lrs[i] = opt.param_groups[0].lr;
            Assert.Equal(lrs[i], sched.get_last_lr()[0]);
        }
        return lrs;
    }
}
