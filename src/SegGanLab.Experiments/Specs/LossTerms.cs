using SegGanLab.Losses;

namespace SegGanLab.Experiments;

/// <summary>
/// Loss terms as bare names for scripts (<c>using static LossTerms</c>): <c>Dice + 0.01 * Adv</c>,
/// <c>CE + Dice</c>. Each is the catalogue's term (<see cref="Loss"/>) with its reference defaults;
/// configure one by constructing it (<c>new DiceLoss(smooth: 1)</c>) or with the methods here.
/// </summary>
public static class LossTerms
{
    /// <summary>Cross-entropy (<c>ce</c>), <see cref="Loss.CrossEntropy"/>.</summary>
    public static LossTerm CE => Loss.CrossEntropy();

    /// <summary>Cross-entropy with class weights (e.g. median frequency), an ignore index or label smoothing.</summary>
    public static LossTerm CrossEntropy(double[]? weights = null, long? ignoreIndex = null, double labelSmoothing = 0) =>
        Loss.CrossEntropy(weights, ignoreIndex, labelSmoothing);

    /// <summary>Soft Dice (<c>dice</c>), <see cref="Loss.Dice"/>.</summary>
    public static LossTerm Dice => Loss.Dice;

    /// <summary>Soft Jaccard (<c>jaccard</c>), <see cref="Loss.Jaccard"/>.</summary>
    public static LossTerm Jaccard => Loss.Jaccard;

    /// <summary>Tversky (<c>tversky</c>), <see cref="Loss.Tversky"/>.</summary>
    public static LossTerm Tversky => Loss.Tversky;

    /// <summary>Focal (<c>focal</c>), <see cref="Loss.Focal"/>.</summary>
    public static LossTerm Focal => Loss.Focal;

    /// <summary>Lovász-softmax (<c>lovasz</c>), <see cref="Loss.Lovasz"/>.</summary>
    public static LossTerm Lovasz => Loss.Lovasz;

    /// <summary>Binary cross-entropy with logits (<c>bce</c>), for single-channel (binary) models.</summary>
    public static LossTerm Bce => Loss.Bce;

    /// <summary>The adversarial term (<c>adv</c>) under the vanilla GAN objective, <see cref="Loss.Adversarial"/>.</summary>
    public static LossTerm Adv => Loss.Adversarial;

    /// <summary>The adversarial term (<c>adv</c>) under <paramref name="mode"/> (LSGAN, hinge, WGAN-GP, RaGAN-LS).</summary>
    public static LossTerm Adversarial(GanMode mode) => new AdversarialLoss(mode);

    /// <summary>Mean absolute error of images (<c>l1</c>).</summary>
    public static LossTerm L1 => Loss.L1;

    /// <summary>Mean squared error of images (<c>l2</c>).</summary>
    public static LossTerm L2 => Loss.L2;

    /// <summary>The VGG-19 perceptual loss (<c>perceptual</c>); its weights file is named by <c>SEGGAN_VGG19_WEIGHTS</c>.</summary>
    public static LossTerm Perceptual => Loss.Perceptual;
}
