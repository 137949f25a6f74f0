namespace SegGanLab.Torch;

/// <summary>Hyper-parameters of <see cref="Adam"/> and <see cref="AdamW"/> (PyTorch's defaults).</summary>
public sealed record AdamOptions : OptimizerOptions
{
    /// <summary>Creates options with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay.</summary>
    public AdamOptions() => lr = 1e-3;

    /// <summary>Decay rates of the running averages of the gradient and of its square.</summary>
    public (double beta1, double beta2) betas { get; set; } = (0.9, 0.999);
    /// <summary>Added to the denominator for numerical stability.</summary>
    public double eps { get; set; } = 1e-8;
    /// <summary>Use the AMSGrad variant (the running maximum of the second moment).</summary>
    public bool amsgrad { get; set; }
    /// <summary>Ascend the objective instead of descending it.</summary>
    public bool maximize { get; set; }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (!(eps >= 0)) throw new ArgumentException($"Invalid epsilon value: {Format(eps)} (eps must be >= 0).", nameof(eps));
        if (!(betas.beta1 >= 0 && betas.beta1 < 1)) throw new ArgumentException($"Invalid beta parameter at index 0: {Format(betas.beta1)} (betas must lie in [0, 1)).", nameof(betas));
        if (!(betas.beta2 >= 0 && betas.beta2 < 1)) throw new ArgumentException($"Invalid beta parameter at index 1: {Format(betas.beta2)} (betas must lie in [0, 1)).", nameof(betas));
    }

    /// <inheritdoc/>
    public override IEnumerable<KeyValuePair<string, string>> ToScalars()
    {
        foreach (var kv in base.ToScalars()) yield return kv;
        yield return new("betas", InvariantText.Format([betas.beta1, betas.beta2]));
        yield return new("eps", Format(eps));
        yield return new("amsgrad", Format(amsgrad));
        yield return new("maximize", Format(maximize));
    }

    /// <inheritdoc/>
    public override void SetScalar(string key, string value)
    {
        switch (key)
        {
            case "betas":
                var b = InvariantText.ParseDoubles(key, value);
                if (b.Length != 2) throw new ArgumentException($"Hyper-parameter 'betas' needs two numbers, got '{value}'.", nameof(value));
                betas = (b[0], b[1]);
                break;
            case "eps": eps = ParseDouble(key, value); break;
            case "amsgrad": amsgrad = ParseBool(key, value); break;
            case "maximize": maximize = ParseBool(key, value); break;
            default: base.SetScalar(key, value); break;
        }
    }
}

/// <summary>
/// Adam (optionally AMSGrad) with L2 weight decay added to the gradient: PyTorch 1.13's
/// single-tensor algorithm, op for op (bias corrections in double precision,
/// <c>denom = sqrt(v) / sqrt(1 - beta2^t) + eps</c>, <c>step_size = lr / (1 - beta1^t)</c>), so
/// results match it. State per parameter: step, exp_avg, exp_avg_sq (and max_exp_avg_sq).
/// </summary>
public class Adam : Optimizer
{
    /// <summary>Creates the optimizer; prefer <c>torch.optim.Adam(...)</c>.</summary>
    public Adam(IEnumerable<ParamGroup> groups, AdamOptions defaults) : base(groups, defaults) { }

    /// <summary>
    /// True for AdamW: weight decay shrinks the parameter directly (<c>p *= 1 - lr * wd</c>) instead
    /// of being added to the gradient, so it is not rescaled by the adaptive denominator.
    /// </summary>
    protected virtual bool DecoupledWeightDecay => false;

    /// <inheritdoc/>
    protected override bool KeepsStepCount => true;

    /// <inheritdoc/>
    protected override IEnumerable<string> RequiredStateTensors(OptimizerOptions options) =>
        ((AdamOptions)options).amsgrad ? ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"] : ["exp_avg", "exp_avg_sq"];

    /// <inheritdoc/>
    protected override void StepGroup(ParamGroup group)
    {
        var o = (AdamOptions)group.Options;
        var (beta1, beta2) = o.betas;
        var decoupled = DecoupledWeightDecay;
        foreach (var p in group.Parameters)
        {
            using var rawGrad = p.grad;
            if (rawGrad is null) continue;
            var s = StateOf(p);
            if (s.step is null)
            {
                s.step = 0;
                s.Set("exp_avg", torch.zeros_like(p));
                s.Set("exp_avg_sq", torch.zeros_like(p));
                if (o.amsgrad) s.Set("max_exp_avg_sq", torch.zeros_like(p));
            }
            var exp_avg = s.tensors["exp_avg"];
            var exp_avg_sq = s.tensors["exp_avg_sq"];
            // amsgrad switched on mid-training (options are mutable): the running maximum starts from zero then.
            var max_exp_avg_sq = o.amsgrad ? (s.tensors.TryGetValue("max_exp_avg_sq", out var m) ? m : s.Set("max_exp_avg_sq", torch.zeros_like(p))) : null;

            // Temporaries are disposed per parameter so peak memory stays at one parameter's worth.
            using var negated = o.maximize ? rawGrad.neg() : null;
            var grad = negated ?? rawGrad;
            var step = (double)(s.step = s.step.Value + 1);
            Tensor? decayed = null;
            if (o.weight_decay != 0)
            {
                // Skipping the AdamW multiply when wd is 0 is exact: PyTorch multiplies by 1.0.
                if (decoupled) p.mul_(1 - o.lr * o.weight_decay);
                else grad = decayed = grad.add(p, o.weight_decay);
            }
            using (decayed)
            {
                exp_avg.mul_(beta1).add_(grad, 1 - beta1);
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
            }

            var bias_correction1 = 1 - Math.Pow(beta1, step);
            var bias_correction2 = 1 - Math.Pow(beta2, step);
            var step_size = o.lr / bias_correction1;
            var bias_correction2_sqrt = Math.Sqrt(bias_correction2);
            if (max_exp_avg_sq is not null)
            {
                // torch.maximum(max, v, out=max): the binding has no out= form, so compute and copy back.
                using var larger = max_exp_avg_sq.maximum(exp_avg_sq);
                max_exp_avg_sq.copy_(larger);
            }
            // PyTorch computes sqrt(v) / c out of place; dividing the fresh sqrt in place gives the same bits without a second buffer.
            using var denom = (max_exp_avg_sq ?? exp_avg_sq).sqrt();
            denom.div_(bias_correction2_sqrt).add_(o.eps);
            p.addcdiv_(exp_avg, denom, -step_size);
        }
    }
}
