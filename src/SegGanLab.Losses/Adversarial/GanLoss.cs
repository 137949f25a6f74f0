using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>
/// One adversarial objective: the discriminator's loss on reals and on fakes and the generator's
/// loss, from the discriminator's raw outputs (scores of any shape: one per image, or a PatchGAN
/// map). Each side is a mean over the scores. Relativistic objectives also read the other side's
/// scores.
/// </summary>
public abstract class GanLoss
{
    private protected GanLoss() { }

    /// <summary>The objective for <paramref name="mode"/>.</summary>
    public static GanLoss For(GanMode mode) => mode switch
    {
        GanMode.Vanilla => new VanillaGanLoss(),
        GanMode.LsGan => new LsGanLoss(),
        GanMode.Hinge => new HingeGanLoss(),
        GanMode.WganGp => new WganLoss(),
        GanMode.RaLsGan => new RelativisticLsGanLoss(),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown GAN mode; use one of " + string.Join(", ", Enum.GetNames<GanMode>())),
    };

    /// <summary>The mode this objective implements.</summary>
    public abstract GanMode Mode { get; }

    /// <summary>True when the discriminator's terms need both sides' scores and the generator's needs the real scores too.</summary>
    public virtual bool IsRelativistic => false;

    /// <summary>
    /// The weight the discriminator's real and fake terms get by default: 0.5 where pix2pix (vanilla,
    /// LSGAN) and DeblurGAN-v2 (RaGAN-LS) halve the D loss, 1 for hinge and WGAN-GP.
    /// </summary>
    public virtual double DefaultDiscriminatorWeight => 0.5;

    /// <summary>The discriminator's loss on real samples (<paramref name="fake"/> is read only when relativistic).</summary>
    public abstract Tensor RealLoss(Tensor real, Tensor? fake = null);

    /// <summary>The discriminator's loss on fakes (<paramref name="real"/> is read only when relativistic).</summary>
    public abstract Tensor FakeLoss(Tensor fake, Tensor? real = null);

    /// <summary>The generator's loss: fakes should pass as real (<paramref name="real"/> is read only when relativistic).</summary>
    public abstract Tensor GeneratorLoss(Tensor fake, Tensor? real = null);

    /// <summary>The other side's scores of a relativistic objective, or an error naming what is missing.</summary>
    private protected Tensor Other(Tensor? other, string what) =>
        other ?? throw new ArgumentNullException(what, $"{Mode} is relativistic: it compares real and fake scores, so it needs the discriminator's output on {what} too.");
}
