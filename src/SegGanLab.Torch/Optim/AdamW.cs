namespace SegGanLab.Torch;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter): each step first shrinks the parameter
/// by <c>1 - lr * weight_decay</c>, then applies the Adam update to the raw gradient. PyTorch
/// 1.13's single-tensor algorithm; its default weight decay is 1e-2, not Adam's 0.
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer; prefer <c>torch.optim.AdamW(...)</c>.</summary>
    public AdamW(IEnumerable<ParamGroup> groups, AdamOptions defaults) : base(groups, defaults) { }

    /// <inheritdoc/>
    protected override bool DecoupledWeightDecay => true;
}
