using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>
/// The original GAN objective in its non-saturating form (pix2pix "vanilla"): binary cross-entropy
/// with logits, D: real → 1, fake → 0; G: fake → 1.
/// </summary>
public sealed class VanillaGanLoss : GanLoss
{
    /// <inheritdoc/>
    public override GanMode Mode => GanMode.Vanilla;

    /// <inheritdoc/>
    public override Tensor RealLoss(Tensor real, Tensor? fake = null) => Bce(real, 1);

    /// <inheritdoc/>
    public override Tensor FakeLoss(Tensor fake, Tensor? real = null) => Bce(fake, 0);

    /// <inheritdoc/>
    public override Tensor GeneratorLoss(Tensor fake, Tensor? real = null) => Bce(fake, 1);

    static Tensor Bce(Tensor scores, double label)
    {
        using var target = full_like(scores, label);
        return F.binary_cross_entropy_with_logits(scores, target);
    }
}
