namespace SegGanLab.Torch;

/// <summary>Hyper-parameters of <see cref="SGD"/> (PyTorch's defaults except lr, which PyTorch requires).</summary>
public sealed record SGDOptions : OptimizerOptions
{
    /// <summary>Momentum factor (0: plain SGD, no momentum buffer).</summary>
    public double momentum { get; set; }
    /// <summary>Dampening of the momentum's gradient term.</summary>
    public double dampening { get; set; }
    /// <summary>Nesterov momentum (needs momentum &gt; 0 and no dampening).</summary>
    public bool nesterov { get; set; }
    /// <summary>Ascend the objective instead of descending it.</summary>
    public bool maximize { get; set; }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (!(momentum >= 0)) throw new ArgumentException($"Invalid momentum value: {Format(momentum)} (momentum must be >= 0).", nameof(momentum));
        if (!double.IsFinite(dampening)) throw new ArgumentException($"Invalid dampening value: {Format(dampening)}.", nameof(dampening));
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException($"Nesterov momentum requires a momentum and zero dampening (got momentum={Format(momentum)}, dampening={Format(dampening)}).", nameof(nesterov));
    }

    /// <inheritdoc/>
    public override IEnumerable<KeyValuePair<string, string>> ToScalars()
    {
        foreach (var kv in base.ToScalars()) yield return kv;
        yield return new("momentum", Format(momentum));
        yield return new("dampening", Format(dampening));
        yield return new("nesterov", Format(nesterov));
        yield return new("maximize", Format(maximize));
    }

    /// <inheritdoc/>
    public override void SetScalar(string key, string value)
    {
        switch (key)
        {
            case "momentum": momentum = ParseDouble(key, value); break;
            case "dampening": dampening = ParseDouble(key, value); break;
            case "nesterov": nesterov = ParseBool(key, value); break;
            case "maximize": maximize = ParseBool(key, value); break;
            default: base.SetScalar(key, value); break;
        }
    }
}

/// <summary>
/// Stochastic gradient descent with optional momentum, Nesterov momentum, L2 weight decay and
/// maximisation: PyTorch 1.13's single-tensor algorithm, op for op, so results match it.
/// </summary>
public sealed class SGD : Optimizer
{
    /// <summary>Creates the optimizer; prefer <c>torch.optim.SGD(...)</c>.</summary>
    public SGD(IEnumerable<ParamGroup> groups, SGDOptions defaults) : base(groups, defaults) { }

    /// <inheritdoc/>
    protected override IEnumerable<string> RequiredStateTensors(OptimizerOptions options) =>
        ((SGDOptions)options).momentum != 0 ? ["momentum_buffer"] : [];

    /// <inheritdoc/>
    protected override void StepGroup(ParamGroup group)
    {
        var o = (SGDOptions)group.Options;
        foreach (var p in group.Parameters)
        {
            using var grad = p.grad;
            if (grad is null) continue;
            // Each temporary is disposed at the end of its iteration so peak memory stays at one parameter's worth.
            using var negated = o.maximize ? grad.neg() : null;
            var d_p = negated ?? grad;
            using var decayed = o.weight_decay != 0 ? d_p.add(p, o.weight_decay) : null;
            d_p = decayed ?? d_p;
            Tensor? nesterov = null;
            if (o.momentum != 0)
            {
                var s = StateOf(p);
                if (s.tensors.TryGetValue("momentum_buffer", out var buf)) buf.mul_(o.momentum).add_(d_p, 1 - o.dampening);
                else buf = s.Set("momentum_buffer", d_p.clone());
                if (o.nesterov) d_p = nesterov = d_p.add(buf, o.momentum);
                else d_p = buf;
            }
            p.add_(d_p, -o.lr);
            nesterov?.Dispose();
        }
    }
}
