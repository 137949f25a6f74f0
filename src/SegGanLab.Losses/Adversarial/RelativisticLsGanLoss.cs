using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses;

/// <summary>
/// Relativistic average least-squares GAN (Jolicoeur-Martineau; RaGAN-LS of DeblurGAN-v2): each
/// side is judged against the other side's mean score. D: mean((real - mean(fake) - 1)²) and
/// mean((fake - mean(real) + 1)²), halved by the default D weight 0.5; G: the mirror image,
/// (mean((real - mean(fake) + 1)²) + mean((fake - mean(real) - 1)²)) / 2.
/// </summary>
public sealed class RelativisticLsGanLoss : GanLoss
{
    /// <inheritdoc/>
    public override GanMode Mode => GanMode.RaLsGan;

    /// <inheritdoc/>
    public override bool IsRelativistic => true;

    /// <inheritdoc/>
    public override Tensor RealLoss(Tensor real, Tensor? fake = null) => Squared(real, Other(fake, "fakes"), 1);

    /// <inheritdoc/>
    public override Tensor FakeLoss(Tensor fake, Tensor? real = null) => Squared(fake, Other(real, "reals"), -1);

    /// <inheritdoc/>
    public override Tensor GeneratorLoss(Tensor fake, Tensor? real = null)
    {
        var r = Other(real, "reals");
        using var scope = NewDisposeScope();
        return scope.MoveToOuter((Squared(r, fake, -1) + Squared(fake, r, 1)) / 2);
    }

    /// <summary>mean((scores - mean(other) - target)²).</summary>
    static Tensor Squared(Tensor scores, Tensor other, double target)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter((scores - other.mean() - target).square().mean());
    }
}
