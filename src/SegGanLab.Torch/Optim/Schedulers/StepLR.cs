namespace SegGanLab.Torch;

/// <summary>
/// Multiplies the learning rate by <see cref="gamma"/> every <see cref="step_size"/> epochs:
/// lr = base_lr · gamma^⌊epoch / step_size⌋. Computed recursively from the current lr, as PyTorch
/// does, so the numbers (and chaining with manual lr changes) match it.
/// </summary>
public sealed class StepLR : LRScheduler
{
    /// <summary>Creates the schedule; prefer <c>torch.optim.lr_scheduler.StepLR(...)</c>.</summary>
    /// <exception cref="ArgumentException">When step_size is below 1 or gamma is negative or not finite.</exception>
    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) : base(optimizer, last_epoch)
    {
        if (step_size < 1) throw new ArgumentException($"StepLR needs step_size >= 1, got {step_size}.", nameof(step_size));
        if (!(gamma >= 0) || !double.IsFinite(gamma)) throw new ArgumentException($"StepLR needs a finite gamma >= 0, got {Format(gamma)}.", nameof(gamma));
        (this.step_size, this.gamma) = (step_size, gamma);
        initial_step();
    }

    /// <summary>Epochs between decays.</summary>
    public int step_size { get; private set; }

    /// <summary>The decay factor.</summary>
    public double gamma { get; private set; }

    /// <inheritdoc/>
    protected override double[] get_lr()
    {
        var lrs = CurrentLrs();
        if (last_epoch == 0 || last_epoch % step_size != 0) return lrs;
        for (var i = 0; i < lrs.Length; i++) lrs[i] *= gamma;
        return lrs;
    }

    /// <inheritdoc/>
    public override Dictionary<string, string> state_dict()
    {
        var s = base.state_dict();
        s["step_size"] = Format(step_size);
        s["gamma"] = Format(gamma);
        return s;
    }

    /// <inheritdoc/>
    protected override Action ReadState(IReadOnlyDictionary<string, string> state)
    {
        var (stepSize, g) = (ReadInt(state, "step_size"), ReadDouble(state, "gamma"));
        return () => (step_size, gamma) = (stepSize, g);
    }
}
