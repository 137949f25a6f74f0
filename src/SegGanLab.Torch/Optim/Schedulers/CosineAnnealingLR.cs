namespace SegGanLab.Torch;

/// <summary>
/// Cosine annealing from each base lr down to <see cref="eta_min"/> over <see cref="T_max"/> epochs
/// (then back up, periodically). The closed form is
/// lr(t) = eta_min + (base_lr − eta_min) · (1 + cos(π t / T_max)) / 2; like PyTorch, each step
/// instead updates the current lr recursively,
/// lr(t) = eta_min + (lr(t−1) − eta_min) · (1 + cos(π t / T_max)) / (1 + cos(π (t−1) / T_max)),
/// so the numbers match PyTorch's to the last bits and manual lr changes carry through.
/// </summary>
public sealed class CosineAnnealingLR : LRScheduler
{
    /// <summary>Creates the schedule; prefer <c>torch.optim.lr_scheduler.CosineAnnealingLR(...)</c>.</summary>
    /// <exception cref="ArgumentException">When T_max is below 1 or eta_min is negative or not finite.</exception>
    public CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0, int last_epoch = -1) : base(optimizer, last_epoch)
    {
        if (T_max < 1) throw new ArgumentException($"CosineAnnealingLR needs T_max >= 1, got {T_max}.", nameof(T_max));
        if (!(eta_min >= 0) || !double.IsFinite(eta_min)) throw new ArgumentException($"CosineAnnealingLR needs a finite eta_min >= 0, got {Format(eta_min)}.", nameof(eta_min));
        (this.T_max, this.eta_min) = (T_max, eta_min);
        initial_step();
    }

    /// <summary>Epochs from the base lr down to eta_min (half a period).</summary>
    public int T_max { get; private set; }

    /// <summary>The lowest learning rate.</summary>
    public double eta_min { get; private set; }

    /// <inheritdoc/>
    protected override double[] get_lr()
    {
        // Branches and operation order as in PyTorch 1.13's CosineAnnealingLR.get_lr, so results match bitwise.
        var lrs = CurrentLrs();
        if (last_epoch == 0) return lrs;
        if (step_count == 1 && last_epoch > 0)
        {
            // Resumed at a later epoch: no previous lr to recurse from, so use the closed form.
            for (var i = 0; i < lrs.Length; i++)
                lrs[i] = eta_min + (base_lrs[i] - eta_min) * (1 + Math.Cos(last_epoch * Math.PI / T_max)) / 2;
        }
        else if ((last_epoch - 1 - T_max) % (2 * T_max) == 0)
        {
            // The restart point, where the recursive ratio would divide by 1 + cos(π) = 0.
            for (var i = 0; i < lrs.Length; i++)
                lrs[i] = lrs[i] + (base_lrs[i] - eta_min) * (1 - Math.Cos(Math.PI / T_max)) / 2;
        }
        else
        {
            for (var i = 0; i < lrs.Length; i++)
                lrs[i] = (1 + Math.Cos(Math.PI * last_epoch / T_max)) / (1 + Math.Cos(Math.PI * (last_epoch - 1) / T_max)) * (lrs[i] - eta_min) + eta_min;
        }
        return lrs;
    }

    /// <inheritdoc/>
    public override Dictionary<string, string> state_dict()
    {
        var s = base.state_dict();
        s["T_max"] = Format(T_max);
        s["eta_min"] = Format(eta_min);
        return s;
    }

    /// <inheritdoc/>
    protected override Action ReadState(IReadOnlyDictionary<string, string> state)
    {
        var (tMax, etaMin) = (ReadInt(state, "T_max"), ReadDouble(state, "eta_min"));
        return () => (T_max, eta_min) = (tMax, etaMin);
    }
}
