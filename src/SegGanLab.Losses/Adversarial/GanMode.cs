namespace SegGanLab.Losses;

/// <summary>The adversarial objectives (pix2pix's <c>gan_mode</c> and DeblurGAN-v2's RaGAN-LS).</summary>
public enum GanMode
{
    /// <summary>The original GAN: binary cross-entropy with logits (pix2pix "vanilla").</summary>
    Vanilla,
    /// <summary>Least squares (pix2pix "lsgan", Mao et al.).</summary>
    LsGan,
    /// <summary>Hinge loss (SAGAN, spectral-norm GANs).</summary>
    Hinge,
    /// <summary>Wasserstein with gradient penalty (Gulrajani et al.; pix2pix "wgangp", DeblurGAN).</summary>
    WganGp,
    /// <summary>Relativistic average least squares (RaGAN-LS, DeblurGAN-v2).</summary>
    RaLsGan,
}
