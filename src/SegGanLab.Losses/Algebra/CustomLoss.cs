using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>A term given by a function of the context (<see cref="Loss.Custom"/>).</summary>
internal sealed class CustomLoss(string name, LossInputs inputs, Func<LossContext, Tensor> compute) : LossTerm(name)
{
    readonly Func<LossContext, Tensor> _compute = compute ?? throw new ArgumentNullException(nameof(compute));

    public override LossRequirements Requirements { get; } = new(inputs);

    public override Tensor Compute(LossContext context) => _compute(context);

    // Two custom terms are the same only when they are the same object (their functions cannot be compared).
    protected override string Configuration => $"custom #{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this)}";
}
