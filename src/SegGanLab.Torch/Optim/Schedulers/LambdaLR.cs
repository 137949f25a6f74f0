namespace SegGanLab.Torch;

/// <summary>
/// lr = base_lr · lr_lambda(epoch), with a user function per group (or one for all). The functions
/// are code, so the state dict saves only the epoch counters; pass the same functions when resuming.
/// </summary>
public sealed class LambdaLR : LRScheduler
{
    readonly Func<int, double>[] _lambdas;

    /// <summary>Creates the schedule with one function per group (a single function is used for every group).</summary>
    /// <exception cref="ArgumentException">When the number of functions is neither 1 nor the number of groups.</exception>
    public LambdaLR(Optimizer optimizer, IReadOnlyList<Func<int, double>> lr_lambdas, int last_epoch = -1) : base(optimizer, last_epoch)
    {
        ArgumentNullException.ThrowIfNull(lr_lambdas);
        var groups = optimizer.param_groups.Count;
        if (lr_lambdas.Count == 1) _lambdas = Enumerable.Repeat(lr_lambdas[0], groups).ToArray();
        else if (lr_lambdas.Count == groups) _lambdas = lr_lambdas.ToArray();
        else throw new ArgumentException($"Expected {groups} lr_lambdas (one per parameter group) or 1, but got {lr_lambdas.Count}.", nameof(lr_lambdas));
        if (_lambdas.Any(f => f is null)) throw new ArgumentException("lr_lambdas contains null.", nameof(lr_lambdas));
        initial_step();
    }

    /// <inheritdoc/>
    protected override double[] get_lr()
    {
        var lrs = new double[base_lrs.Count];
        for (var i = 0; i < lrs.Length; i++) lrs[i] = base_lrs[i] * _lambdas[i](last_epoch);
        return lrs;
    }
}
