using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses;

/// <summary>
/// The base of the pixel and restoration losses: an output image against a target image of the
/// same shape, a scalar out.
/// </summary>
public abstract class ImageLoss : LossTerm
{
    private protected ImageLoss(string name) : base(name) { }

    /// <inheritdoc/>
    public override LossRequirements Requirements => new(LossInputs.OutputImage | LossInputs.TargetImage);

    /// <summary>The loss of <paramref name="output"/> against <paramref name="target"/> (same shape, floating point), a scalar tensor.</summary>
    /// <exception cref="LossInputException">When the shapes or dtypes do not fit.</exception>
    public Tensor Forward(Tensor output, Tensor target)
    {
        if (!output.shape.SequenceEqual(target.shape))
            throw new LossInputException($"{Name}: output {SegmentationBatch.Text(output.shape)} and target {SegmentationBatch.Text(target.shape)} must have the same shape.");
        if (!output.dtype.IsFloatingPoint() || !target.dtype.IsFloatingPoint())
            throw new LossInputException($"{Name}: output and target must be floating-point images; got {output.dtype.ToTorchName()} and {target.dtype.ToTorchName()}.");
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Loss(output, target));
    }

    /// <inheritdoc/>
    public override Tensor Compute(LossContext context) => Forward(context.RequireOutput(Name), context.RequireTarget(Name));

    /// <summary>The loss on checked inputs, computed inside a dispose scope.</summary>
    private protected abstract Tensor Loss(Tensor output, Tensor target);
}
