namespace SegGanLab.Torch;

/// <summary>
/// A linear warm-up composed with any other schedule: lr(t) = after(t) · f(t), where
/// f(t) = start_factor + (1 − start_factor) · t / warmup_steps for t &lt; warmup_steps and 1 after.
/// Both run on the same clock from step 0, so the wrapped schedule keeps its own length (a cosine
/// over T_max still ends at T_max), as detectron2's warm-up does. Step only this wrapper; it steps
/// the wrapped schedule.
/// </summary>
/// <example><code>
/// var sched = lr_scheduler.LinearWarmupLR(lr_scheduler.CosineAnnealingLR(opt, T_max: 10_000), warmup_steps: 500);
/// </code></example>
public sealed class LinearWarmupLR : LRScheduler
{
    /// <summary>Wraps <paramref name="after"/>, which must be freshly created (at its epoch 0).</summary>
    /// <exception cref="ArgumentException">When warmup_steps is below 1, start_factor is outside [0, 1], or <paramref name="after"/> has already been stepped.</exception>
    public LinearWarmupLR(LRScheduler after, int warmup_steps, double start_factor = 0.001) : base(Checked(after).optimizer)
    {
        if (after.last_epoch != 0) throw new ArgumentException($"The wrapped schedule must be new (at epoch 0) so both share one clock; it is at epoch {after.last_epoch}.", nameof(after));
        if (warmup_steps < 1) throw new ArgumentException($"LinearWarmupLR needs warmup_steps >= 1, got {warmup_steps}.", nameof(warmup_steps));
        if (!(start_factor >= 0 && start_factor <= 1)) throw new ArgumentException($"LinearWarmupLR needs start_factor in [0, 1], got {Format(start_factor)}.", nameof(start_factor));
        this.after = after;
        (this.warmup_steps, this.start_factor) = (warmup_steps, start_factor);
        initial_step();
    }

    static LRScheduler Checked(LRScheduler after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return after;
    }

    /// <summary>The wrapped schedule.</summary>
    public LRScheduler after { get; }

    /// <summary>Steps until the factor reaches 1.</summary>
    public int warmup_steps { get; private set; }

    /// <summary>The factor at step 0 (detectron2's default 0.001: near zero, but the first step still moves).</summary>
    public double start_factor { get; private set; }

    /// <inheritdoc/>
    public override void step()
    {
        // During construction (step_count 0) the wrapped schedule is already at its epoch 0.
        if (step_count > 0)
        {
            // Give the wrapped schedule back the lrs it set itself, so its recursive (chainable)
            // formula continues from them rather than compounding the warm-up factor.
            var own = after.get_last_lr();
            var groups = optimizer.param_groups;
            for (var i = 0; i < Math.Min(own.Length, groups.Count); i++) groups[i].lr = own[i];
            after.step();
        }
        base.step();
    }

    /// <inheritdoc/>
    protected override double[] get_lr()
    {
        var factor = last_epoch >= warmup_steps ? 1.0 : start_factor + (1 - start_factor) * last_epoch / warmup_steps;
        return after.get_last_lr().Select(lr => lr * factor).ToArray();
    }

    /// <summary>The base state, this warm-up's parameters, and the wrapped schedule's state under "after.".</summary>
    public override Dictionary<string, string> state_dict()
    {
        var s = base.state_dict();
        s["warmup_steps"] = Format(warmup_steps);
        s["start_factor"] = Format(start_factor);
        foreach (var (k, v) in after.state_dict()) s["after." + k] = v;
        return s;
    }

    /// <inheritdoc/>
    protected override Action ReadState(IReadOnlyDictionary<string, string> state)
    {
        var (steps, factor) = (ReadInt(state, "warmup_steps"), ReadDouble(state, "start_factor"));
        var inner = state.Where(kv => kv.Key.StartsWith("after.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key["after.".Length..], kv => kv.Value);
        var innerType = InvariantText.Require(inner, "scheduler", "wrapped scheduler");
        if (innerType != after.GetType().Name) throw new ArgumentException($"The warm-up state wraps a {innerType}, but this one wraps {after.GetType().Name}.", nameof(state));
        return () =>
        {
            after.load_state_dict(inner);
            (warmup_steps, start_factor) = (steps, factor);
        };
    }
}
