using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>
/// The loss catalogue: each property is a term with its reference defaults, ready to combine —
/// <c>Loss.Dice + 0.01 * Loss.Adversarial</c>, <c>Loss.CrossEntropy(weights) + Loss.Dice</c>,
/// <c>2 * (Loss.L1 + Loss.Perceptual)</c>. Configure a term by constructing it
/// (<c>new DiceLoss(smooth: 1)</c>, <c>new AdversarialLoss(GanMode.LsGan)</c>); every loss class is a
/// <see cref="LossTerm"/> and combines the same way.
/// </summary>
/// <example><code>
/// var weights = ClassWeights.MedianFrequency(classPixels, pixelsOfImagesWithClass);   // from the dataset summary
/// var g = Loss.CrossEntropy(weights) + Loss.Dice + 0.01 * new AdversarialLoss(GanMode.LsGan);
/// var d = Loss.Discriminator(GanMode.LsGan);              // 0.5 * real + 0.5 * fake
/// g.Validate(new LossSetup(LossInputs.Logits | LossInputs.Labels | LossInputs.FakeScores, Classes: 11));
/// using var ctx = new LossContext { Logits = logits, Labels = labels, IgnoreIndex = 11, Discriminator = D, FakeInput = probs };
/// using var result = g.Evaluate(ctx);                     // result.Terms: ce, dice, adv (weighted)
/// result.Total.backward();
/// </code></example>
public static class Loss
{
    /// <summary>Cross-entropy (<c>ce</c>) with optional class weights, ignore index and label smoothing.</summary>
    public static CrossEntropyLoss CrossEntropy(double[]? weights = null, long? ignoreIndex = null, double labelSmoothing = 0) =>
        new(weights, ignoreIndex, labelSmoothing);

    /// <summary>Soft Dice (<c>dice</c>), binary or multiclass by the logits' channel count, smp's defaults.</summary>
    public static DiceLoss Dice => new();

    /// <summary>Soft Jaccard (<c>jaccard</c>), smp's defaults.</summary>
    public static JaccardLoss Jaccard => new();

    /// <summary>Tversky (<c>tversky</c>), α = β = 0.5, γ = 1 (smp's defaults).</summary>
    public static TverskyLoss Tversky => new();

    /// <summary>Focal (<c>focal</c>), γ = 2, no α (smp's defaults).</summary>
    public static FocalLoss Focal => new();

    /// <summary>Lovász-softmax (<c>lovasz</c>) over the batch, present classes.</summary>
    public static LovaszSoftmaxLoss Lovasz => new();

    /// <summary>Binary cross-entropy with logits (<c>bce</c>), no smoothing.</summary>
    public static SoftBceLoss Bce => new();

    /// <summary>The generator's adversarial term (<c>adv</c>), vanilla GAN.</summary>
    public static AdversarialLoss Adversarial => new();

    /// <summary>Mean absolute error of images (<c>l1</c>).</summary>
    public static L1Loss L1 => new();

    /// <summary>Mean squared error of images (<c>l2</c>).</summary>
    public static L2Loss L2 => new();

    /// <summary>VGG-19 conv3_3 perceptual loss (<c>perceptual</c>), weights from <see cref="PerceptualLoss.WeightsVariable"/>, images in [-1, 1].</summary>
    public static PerceptualLoss Perceptual => new();

    /// <summary>
    /// The discriminator's own loss under <paramref name="mode"/>: <c>w * real + w * fake</c> with
    /// w = <paramref name="weight"/> or the mode's default (0.5 for vanilla, LSGAN and RaGAN-LS as in
    /// pix2pix and DeblurGAN-v2; 1 for hinge and WGAN-GP), plus <c>λ * gp</c> for WGAN-GP.
    /// </summary>
    /// <param name="mode">The adversarial objective.</param>
    /// <param name="weight">The weight of the real and fake terms; null: the mode's default.</param>
    /// <param name="gradientPenalty">WGAN-GP's λ (ignored by the other modes).</param>
    /// <param name="generator">Draws WGAN-GP's interpolation weights; null: the global generator.</param>
    public static LossExpression Discriminator(GanMode mode = GanMode.Vanilla, double? weight = null,
                                               double gradientPenalty = GradientPenalty.DefaultLambda, Generator? generator = null)
    {
        var w = weight ?? GanLoss.For(mode).DefaultDiscriminatorWeight;
        var d = w * (new DiscriminatorLoss(mode, DiscriminatorSide.Real) + new DiscriminatorLoss(mode, DiscriminatorSide.Fake));
        return mode == GanMode.WganGp ? d + gradientPenalty * new GradientPenalty(generator) : d;
    }

    /// <summary>
    /// A term computed by <paramref name="compute"/> (e.g. AdvSemiSeg's <c>semi_ce</c>), declaring the
    /// context inputs it reads so expressions with it can still be validated.
    /// </summary>
    public static LossTerm Custom(string name, LossInputs inputs, Func<LossContext, Tensor> compute) => new CustomLoss(name, inputs, compute);
}
