using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>
/// The Wasserstein critic objective of WGAN-GP (Gulrajani et al.): D: -mean(real) + mean(fake);
/// G: -mean(fake). The Lipschitz constraint comes from the <see cref="GradientPenalty"/> term
/// (<c>gp</c>, λ = 10 by default), which <see cref="Loss.Discriminator"/> adds for this mode.
/// </summary>
public sealed class WganLoss : GanLoss
{
    /// <inheritdoc/>
    public override GanMode Mode => GanMode.WganGp;

    /// <inheritdoc/>
    public override double DefaultDiscriminatorWeight => 1;

    /// <inheritdoc/>
    public override Tensor RealLoss(Tensor real, Tensor? fake = null)
    {
        using var mean = real.mean();
        return -mean;
    }

    /// <inheritdoc/>
    public override Tensor FakeLoss(Tensor fake, Tensor? real = null) => fake.mean();

    /// <inheritdoc/>
    public override Tensor GeneratorLoss(Tensor fake, Tensor? real = null)
    {
        using var mean = fake.mean();
        return -mean;
    }
}
