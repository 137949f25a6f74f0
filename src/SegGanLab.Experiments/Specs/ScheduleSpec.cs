using System.Globalization;
using SegGanLab.Torch;
using SegGanLab.Training;
using static SegGanLab.Torch.torch.optim;

namespace SegGanLab.Experiments;

/// <summary>
/// A learning-rate schedule over the run's steps (the scheduler steps once per optimisation step).
/// Lengths follow the run: <c>Poly()</c> decays over all steps, <c>LinearDecay()</c> keeps the rate
/// for the first half and decays it to zero over the second (pix2pix's "linear"), step counts given
/// here are scaled with the run (<c>SEGGAN_STEP_SCALE</c>). Unset values are the PyTorch schedulers' defaults.
/// </summary>
public sealed record ScheduleSpec
{
    ScheduleSpec(string kind) => Kind = kind;

    /// <summary><c>constant</c>, <c>poly</c>, <c>cosine</c>, <c>step</c>, <c>linear_decay</c> or <c>warmup</c>.</summary>
    public string Kind { get; }

    /// <summary>Poly's power; StepLR's gamma; cosine's minimum rate; warm-up's start factor (null: the scheduler's default).</summary>
    public double? Value { get; init; }

    /// <summary>StepLR's step size or the warm-up's length, in steps before scaling.</summary>
    public long? Steps { get; init; }

    /// <summary>The share of the run over which <c>linear_decay</c> decays.</summary>
    public double DecayFraction { get; init; } = 0.5;

    /// <summary>The schedule after a warm-up.</summary>
    public ScheduleSpec? Then { get; init; }

    /// <summary>A constant learning rate (the default).</summary>
    public static ScheduleSpec Constant() => new("constant");

    /// <summary>Polynomial decay to zero over the run (DeepLab, AdvSemiSeg: power 0.9).</summary>
    public static ScheduleSpec Poly(double? power = null) => new("poly") { Value = power };

    /// <summary>Cosine annealing to <paramref name="minLr"/> over the run.</summary>
    public static ScheduleSpec Cosine(double? minLr = null) => new("cosine") { Value = minLr };

    /// <summary>The rate times <paramref name="gamma"/> every <paramref name="stepSize"/> steps.</summary>
    public static ScheduleSpec StepLR(long stepSize, double? gamma = null) =>
        stepSize >= 1 ? new("step") { Steps = stepSize, Value = gamma } : throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "StepLR: stepSize must be at least 1 step.");

    /// <summary>pix2pix's "linear" policy: constant, then a linear decay to zero over the last <paramref name="decayFraction"/> of the run.</summary>
    public static ScheduleSpec LinearDecay(double decayFraction = 0.5) =>
        decayFraction is > 0 and <= 1 ? new("linear_decay") { DecayFraction = decayFraction }
        : throw new ArgumentOutOfRangeException(nameof(decayFraction), decayFraction, "LinearDecay: decayFraction must be in (0, 1].");

    /// <summary>A linear warm-up over <paramref name="steps"/> steps from <paramref name="startFactor"/> of the rate, then <paramref name="then"/> (null: constant).</summary>
    public static ScheduleSpec Warmup(long steps, ScheduleSpec? then = null, double? startFactor = null) =>
        steps >= 1 ? new("warmup") { Steps = steps, Then = then, Value = startFactor } : throw new ArgumentOutOfRangeException(nameof(steps), steps, "Warmup: steps must be at least 1.");

    /// <summary>The scheduler for <paramref name="optimizer"/> over <paramref name="totalSteps"/> steps, step counts multiplied by <paramref name="scale"/>.</summary>
    internal LRScheduler Create(Optimizer optimizer, long totalSteps, double scale)
    {
        var total = checked((int)totalSteps);
        int Scaled(long steps) => (int)Math.Max(1, Math.Round(steps * scale));
        return Kind switch
        {
            "poly" => Value is { } p ? lr_scheduler.PolyLR(optimizer, total, p) : lr_scheduler.PolyLR(optimizer, total),
            "cosine" => Value is { } m ? lr_scheduler.CosineAnnealingLR(optimizer, total, m) : lr_scheduler.CosineAnnealingLR(optimizer, total),
            "step" => Value is { } g ? lr_scheduler.StepLR(optimizer, Scaled(Steps!.Value), g) : lr_scheduler.StepLR(optimizer, Scaled(Steps!.Value)),
            "linear_decay" => Decay(optimizer, total),
            "warmup" => Value is { } f
                ? lr_scheduler.LinearWarmupLR((Then ?? Constant()).Create(optimizer, totalSteps, scale), Scaled(Steps!.Value), f)
                : lr_scheduler.LinearWarmupLR((Then ?? Constant()).Create(optimizer, totalSteps, scale), Scaled(Steps!.Value)),
            _ => lr_scheduler.LambdaLR(optimizer, _ => 1.0),
        };
    }

    LRScheduler Decay(Optimizer optimizer, int total)
    {
        var decay = (int)Math.Round(total * DecayFraction);
        return lr_scheduler.LinearDecayLR(optimizer, total - decay, decay);
    }

    /// <summary>The options.json entries: <c>&lt;part&gt;</c> = kind and its settings, against <paramref name="recipeDefault"/>.</summary>
    internal IEnumerable<OptionValue> Entries(string part, ScheduleSpec recipeDefault)
    {
        yield return new OptionValue(part, Kind, recipeDefault.Kind);
        var same = recipeDefault.Kind == Kind;
        if (Value is not null || (same && recipeDefault.Value is not null)) yield return new OptionValue($"{part}.value", Value, same ? recipeDefault.Value : null);
        if (Steps is not null) yield return new OptionValue($"{part}.steps", Steps, same ? recipeDefault.Steps : null);
        if (Kind == "linear_decay") yield return new OptionValue($"{part}.decay_fraction", DecayFraction, same ? recipeDefault.DecayFraction : null);
        if (Kind == "warmup") foreach (var e in (Then ?? Constant()).Entries($"{part}.then", same ? recipeDefault.Then ?? Constant() : Constant())) yield return e;
    }

    /// <summary><c>poly(0.9)</c>, <c>warmup(500) then cosine</c>, ...</summary>
    public override string ToString()
    {
        var args = string.Join(", ", new object?[] { Steps, Value }.Where(a => a is not null).Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)));
        var text = args.Length > 0 ? $"{Kind}({args})" : Kind;
        return Then is null ? text : $"{text} then {Then}";
    }
}
