namespace SegGanLab.Torch;

/// <summary>
/// The base of every learning-rate scheduler, as PyTorch 1.13's <c>_LRScheduler</c>: it records each
/// group's <see cref="ParamGroup.initial_lr"/> as its base, and every <see cref="step"/> advances
/// <see cref="last_epoch"/> and writes <see cref="get_lr"/>'s values into the groups' lr. Call
/// <c>optimizer.step()</c> first, then <c>scheduler.step()</c>, once per epoch (or per iteration,
/// as the schedule is defined).
/// </summary>
/// <remarks>
/// Construction performs PyTorch's initial step (last_epoch -1 → 0). C# runs a base constructor
/// before the derived class has set its fields, so the base cannot do it: every derived
/// constructor ends with <see cref="initial_step"/>.
/// </remarks>
public abstract class LRScheduler
{
    double[] _baseLrs;
    double[] _lastLr = [];

    /// <summary>
    /// Attaches to <paramref name="optimizer"/>. With <paramref name="last_epoch"/> = -1 (a fresh
    /// schedule) each group's <see cref="ParamGroup.initial_lr"/> defaults to its current lr; to resume
    /// at a later epoch, every group must already have one (restored with the optimizer's state).
    /// </summary>
    /// <exception cref="ArgumentException">When resuming and a group has no initial_lr, or last_epoch is below -1.</exception>
    protected LRScheduler(Optimizer optimizer, int last_epoch = -1)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (last_epoch < -1) throw new ArgumentException($"last_epoch must be -1 (start) or a completed epoch >= 0, got {last_epoch}.", nameof(last_epoch));
        this.optimizer = optimizer;
        var groups = optimizer.param_groups;
        for (var i = 0; i < groups.Count; i++)
        {
            if (last_epoch == -1) groups[i].initial_lr ??= groups[i].lr;
            else if (groups[i].initial_lr is null)
                throw new ArgumentException($"param_groups[{i}] has no initial_lr, which resuming a schedule at last_epoch {last_epoch} needs: load the optimizer's state dict first, or start with last_epoch -1.", nameof(last_epoch));
        }
        _baseLrs = groups.Select(g => g.initial_lr!.Value).ToArray();
        this.last_epoch = last_epoch;
    }

    /// <summary>The optimizer whose learning rates this scheduler sets.</summary>
    public Optimizer optimizer { get; }

    /// <summary>The index of the last completed step (0 right after construction).</summary>
    public int last_epoch { get; private set; }

    /// <summary>Steps taken including the initial one (PyTorch's <c>_step_count</c>; Cosine's resume branch reads it).</summary>
    protected int step_count { get; private set; }

    /// <summary>Each group's base learning rate (its initial_lr).</summary>
    public IReadOnlyList<double> base_lrs => _baseLrs;

    /// <summary>The learning rates the last step set, one per group.</summary>
    public double[] get_last_lr() => (double[])_lastLr.Clone();

    /// <summary>
    /// The learning rates for <see cref="last_epoch"/>, one per group, in PyTorch's chainable form
    /// (it may read each group's current lr). Called by <see cref="step"/> after advancing the epoch.
    /// </summary>
    protected abstract double[] get_lr();

    /// <summary>PyTorch's <c>_initial_step</c>: every derived constructor's last statement.</summary>
    protected void initial_step()
    {
        step_count = 0;
        step();
    }

    /// <summary>Advances one epoch and sets each group's learning rate.</summary>
    public virtual void step()
    {
        step_count++;
        last_epoch++;
        var values = get_lr();
        var groups = optimizer.param_groups;
        // Groups added after the scheduler was created have no base lr, so they keep their own (as zip() does in PyTorch).
        var n = Math.Min(values.Length, groups.Count);
        for (var i = 0; i < n; i++) groups[i].lr = values[i];
        _lastLr = groups.Take(n).Select(g => g.lr).ToArray();
    }

    /// <summary>
    /// The scheduler's state as invariant strings (doubles round-trip exactly), ready for checkpoint
    /// metadata: "scheduler" (the type name), "last_epoch", "step_count", "base_lrs", "last_lr" and
    /// the schedule's own parameters. Save the optimizer's state too: it holds the groups'
    /// initial_lr and the other hyper-parameters.
    /// </summary>
    public virtual Dictionary<string, string> state_dict() => new()
    {
        ["scheduler"] = GetType().Name,
        ["last_epoch"] = InvariantText.Format(last_epoch),
        ["step_count"] = InvariantText.Format(step_count),
        ["base_lrs"] = InvariantText.Format(_baseLrs),
        ["last_lr"] = InvariantText.Format(_lastLr),
    };

    /// <summary>
    /// Restores <see cref="state_dict"/>'s values (as PyTorch, the schedule's parameters too) and sets
    /// the groups' lr to the restored last_lr. PyTorch leaves the lr to the optimizer's state dict,
    /// so there a scheduler built after loading the optimizer silently resets it; here the order of
    /// the two loads does not matter. Every entry is read before anything changes.
    /// </summary>
    /// <exception cref="ArgumentException">When the state is from another scheduler type, or an entry is missing or malformed.</exception>
    public void load_state_dict(IReadOnlyDictionary<string, string> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var type = InvariantText.Require(state, "scheduler", "scheduler");
        if (type != GetType().Name) throw new ArgumentException($"Cannot load a {type} state into {GetType().Name}.", nameof(state));
        var lastEpoch = InvariantText.ParseInt("last_epoch", InvariantText.Require(state, "last_epoch", type));
        var stepCount = InvariantText.ParseInt("step_count", InvariantText.Require(state, "step_count", type));
        var baseLrs = InvariantText.ParseDoubles("base_lrs", InvariantText.Require(state, "base_lrs", type));
        var lastLr = InvariantText.ParseDoubles("last_lr", InvariantText.Require(state, "last_lr", type));
        ReadState(state)();
        (last_epoch, step_count, _baseLrs, _lastLr) = (lastEpoch, stepCount, baseLrs, lastLr);
        var groups = optimizer.param_groups;
        for (var i = 0; i < Math.Min(lastLr.Length, groups.Count); i++) groups[i].lr = lastLr[i];
    }

    /// <summary>
    /// Reads a derived schedule's own entries (those its <see cref="state_dict"/> override adds),
    /// throwing on anything missing or malformed, and returns the action that assigns them; the base
    /// runs it only once every entry has been read.
    /// </summary>
    protected virtual Action ReadState(IReadOnlyDictionary<string, string> state) => () => { };

    /// <summary>A required double entry of a scheduler state.</summary>
    protected static double ReadDouble(IReadOnlyDictionary<string, string> state, string key) =>
        InvariantText.ParseDouble(key, InvariantText.Require(state, key, "scheduler"));

    /// <summary>A required integer entry of a scheduler state.</summary>
    protected static int ReadInt(IReadOnlyDictionary<string, string> state, string key) =>
        InvariantText.ParseInt(key, InvariantText.Require(state, key, "scheduler"));

    /// <summary>A double as the invariant string that parses back to the same value.</summary>
    protected static string Format(double value) => InvariantText.Format(value);

    /// <summary>An integer as an invariant string.</summary>
    protected static string Format(int value) => InvariantText.Format(value);

    /// <summary>The current lr of every group that has a base lr, for chainable (recursive) schedules.</summary>
    protected double[] CurrentLrs() => optimizer.param_groups.Take(_baseLrs.Length).Select(g => g.lr).ToArray();
}
