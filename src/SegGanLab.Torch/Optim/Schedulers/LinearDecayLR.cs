namespace SegGanLab.Torch;

/// <summary>
/// pix2pix / CycleGAN's "linear" policy: the base learning rate for <see cref="n_epochs"/> epochs,
/// then a linear decay to zero over <see cref="n_epochs_decay"/> more, counting epochs from
/// <see cref="epoch_count"/> (greater than 1 when a run is continued):
/// lr = base_lr · (1 − max(0, t + epoch_count − n_epochs) / (n_epochs_decay + 1)).
/// Unlike the original lambda it never goes below 0, should training run past the schedule.
/// </summary>
public sealed class LinearDecayLR : LRScheduler
{
    /// <summary>Creates the schedule; prefer <c>torch.optim.lr_scheduler.LinearDecayLR(...)</c>.</summary>
    /// <exception cref="ArgumentException">When a count is negative or epoch_count is below 1.</exception>
    public LinearDecayLR(Optimizer optimizer, int n_epochs, int n_epochs_decay, int epoch_count = 1, int last_epoch = -1) : base(optimizer, last_epoch)
    {
        if (n_epochs < 0) throw new ArgumentException($"LinearDecayLR needs n_epochs >= 0, got {n_epochs}.", nameof(n_epochs));
        if (n_epochs_decay < 0) throw new ArgumentException($"LinearDecayLR needs n_epochs_decay >= 0, got {n_epochs_decay}.", nameof(n_epochs_decay));
        if (epoch_count < 1) throw new ArgumentException($"LinearDecayLR needs epoch_count >= 1 (pix2pix counts epochs from 1), got {epoch_count}.", nameof(epoch_count));
        (this.n_epochs, this.n_epochs_decay, this.epoch_count) = (n_epochs, n_epochs_decay, epoch_count);
        initial_step();
    }

    /// <summary>Epochs at the base learning rate.</summary>
    public int n_epochs { get; private set; }

    /// <summary>Epochs of linear decay to zero.</summary>
    public int n_epochs_decay { get; private set; }

    /// <summary>The epoch number training starts from (pix2pix's --epoch_count).</summary>
    public int epoch_count { get; private set; }

    /// <inheritdoc/>
    protected override double[] get_lr()
    {
        // pix2pix's lambda_rule, operation for operation.
        var factor = 1.0 - Math.Max(0, last_epoch + epoch_count - n_epochs) / (double)(n_epochs_decay + 1);
        factor = Math.Max(factor, 0.0);
        return base_lrs.Select(b => b * factor).ToArray();
    }

    /// <inheritdoc/>
    public override Dictionary<string, string> state_dict()
    {
        var s = base.state_dict();
        s["n_epochs"] = Format(n_epochs);
        s["n_epochs_decay"] = Format(n_epochs_decay);
        s["epoch_count"] = Format(epoch_count);
        return s;
    }

    /// <inheritdoc/>
    protected override Action ReadState(IReadOnlyDictionary<string, string> state)
    {
        var (n, decay, count) = (ReadInt(state, "n_epochs"), ReadInt(state, "n_epochs_decay"), ReadInt(state, "epoch_count"));
        return () => (n_epochs, n_epochs_decay, epoch_count) = (n, decay, count);
    }
}
