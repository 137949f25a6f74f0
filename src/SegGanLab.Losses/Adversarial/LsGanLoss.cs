using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>
/// Least-squares GAN (Mao et al.; pix2pix "lsgan"): mean squared error of the raw scores,
/// D: real → 1, fake → 0; G: fake → 1.
/// </summary>
public sealed class LsGanLoss : GanLoss
{
    /// <inheritdoc/>
    public override GanMode Mode => GanMode.LsGan;

    /// <inheritdoc/>
    public override Tensor RealLoss(Tensor real, Tensor? fake = null) => Mse(real, 1);

    /// <inheritdoc/>
    public override Tensor FakeLoss(Tensor fake, Tensor? real = null) => Mse(fake, 0);

    /// <inheritdoc/>
    public override Tensor GeneratorLoss(Tensor fake, Tensor? real = null) => Mse(fake, 1);

    static Tensor Mse(Tensor scores, double label)
    {
        using var target = full_like(scores, label);
        return F.mse_loss(scores, target);
    }
}
