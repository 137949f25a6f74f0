using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses;

/// <summary>
/// Hinge GAN loss (Lim and Ye; SAGAN): D: mean(relu(1 - real)) + mean(relu(1 + fake));
/// G: -mean(fake). The D terms are not halved.
/// </summary>
public sealed class HingeGanLoss : GanLoss
{
    /// <inheritdoc/>
    public override GanMode Mode => GanMode.Hinge;

    /// <inheritdoc/>
    public override double DefaultDiscriminatorWeight => 1;

    /// <inheritdoc/>
    public override Tensor RealLoss(Tensor real, Tensor? fake = null)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter((1 - real).relu().mean());
    }

    /// <inheritdoc/>
    public override Tensor FakeLoss(Tensor fake, Tensor? real = null)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter((1 + fake).relu().mean());
    }

    /// <inheritdoc/>
    public override Tensor GeneratorLoss(Tensor fake, Tensor? real = null)
    {
        using var mean = fake.mean();
        return -mean;
    }
}
