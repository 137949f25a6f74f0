namespace SegGanLab.Torch;

/// <summary>
/// The "poly" schedule of segmentation training (DeepLab and successors):
/// lr = base_lr · (1 − min(t, max_iter) / max_iter)^power, reaching 0 at <see cref="max_iter"/> and
/// staying there. Computed in closed form, so it does not drift however many steps are taken.
/// </summary>
public sealed class PolyLR : LRScheduler
{
    /// <summary>Creates the schedule; prefer <c>torch.optim.lr_scheduler.PolyLR(...)</c>.</summary>
    /// <exception cref="ArgumentException">When max_iter is below 1 or power is not positive and finite.</exception>
    public PolyLR(Optimizer optimizer, int max_iter, double power = 0.9, int last_epoch = -1) : base(optimizer, last_epoch)
    {
        if (max_iter < 1) throw new ArgumentException($"PolyLR needs max_iter >= 1, got {max_iter}.", nameof(max_iter));
        if (!(power > 0) || !double.IsFinite(power)) throw new ArgumentException($"PolyLR needs a finite power > 0, got {Format(power)}.", nameof(power));
        (this.max_iter, this.power) = (max_iter, power);
        initial_step();
    }

    /// <summary>The step at which the learning rate reaches 0.</summary>
    public int max_iter { get; private set; }

    /// <summary>The exponent (0.9 in DeepLab).</summary>
    public double power { get; private set; }

    /// <inheritdoc/>
    protected override double[] get_lr()
    {
        var factor = Math.Pow(1.0 - (double)Math.Min(last_epoch, max_iter) / max_iter, power);
        return base_lrs.Select(b => b * factor).ToArray();
    }

    /// <inheritdoc/>
    public override Dictionary<string, string> state_dict()
    {
        var s = base.state_dict();
        s["max_iter"] = Format(max_iter);
        s["power"] = Format(power);
        return s;
    }

    /// <inheritdoc/>
    protected override Action ReadState(IReadOnlyDictionary<string, string> state)
    {
        var (maxIter, p) = (ReadInt(state, "max_iter"), ReadDouble(state, "power"));
        return () => (max_iter, power) = (maxIter, p);
    }
}
