using SegGanLab.Losses;

namespace SegGanLab.Training;

/// <summary>
/// The options of <see cref="AdversarialRecipe"/> (recipe "gan"), with the defaults of pix2pix
/// (junyanz/pytorch-CycleGAN-and-pix2pix: models/pix2pix_model.py, models/networks.py) and Luc et
/// al. 2016 (arXiv 1611.08408): vanilla GAN, one discriminator update per step (5 for WGAN-GP),
/// no image pool, Adam 2e-4 (0.5, 0.999) for the discriminator, the "basic" label encoding.
/// </summary>
public sealed record AdversarialRecipeOptions : GanRecipeOptions
{
    /// <summary>The defaults: <see cref="GanMode.Vanilla"/> (pix2pix's gan_mode for pix2pix), discriminator Adam lr 2e-4, betas (0.5, 0.999) (pix2pix's lr and beta1).</summary>
    public AdversarialRecipeOptions()
    {
        Mode = GanMode.Vanilla;
        DiscriminatorLearningRate = 2e-4;
        DiscriminatorBeta1 = 0.5;
    }

    /// <summary>
    /// The weight of the <c>adv</c> term in the default segmenter loss (cross-entropy + weight x adv):
    /// 0.01, Hung et al.'s lambda_adv and pix2pix's ratio of the GAN term to lambda_L1 = 100. A loss
    /// given to the recipe carries its own weight.
    /// </summary>
    public double AdversarialWeight { get; init; } = 0.01;

    /// <summary>
    /// Ramp the adversarial terms' weights linearly from 0 to their value over this many steps (0:
    /// full weight from the first step), so the segmenter learns the task before the discriminator's
    /// signal counts.
    /// </summary>
    public long AdversarialRampSteps { get; init; }

    /// <summary>Fakes kept in pix2pix's image pool (0: off, pix2pix's setting; CycleGAN uses 50).</summary>
    public int PoolSize { get; init; }

    /// <summary>How label maps are shown to the discriminator (Luc et al. sec. 3.2; "basic" by default).</summary>
    public LabelEncoding Encoding { get; init; } = LabelEncoding.Basic;

    /// <summary>τ of the "scaling" encoding: the least probability the real map gives the true class (0.9, Luc et al.).</summary>
    public double ScalingThreshold { get; init; } = 0.9;

    /// <summary>The default segmenter loss: cross-entropy + <see cref="AdversarialWeight"/> x adv under <see cref="GanRecipeOptions.Mode"/>.</summary>
    public LossExpression SegmenterLoss() => Loss.CrossEntropy() + AdversarialWeight * new AdversarialLoss(Mode);

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        OptionChecks.NonNegative($"{nameof(AdversarialRecipeOptions)}.{nameof(AdversarialWeight)}", AdversarialWeight);
        OptionChecks.AtLeast($"{nameof(AdversarialRecipeOptions)}.{nameof(AdversarialRampSteps)}", AdversarialRampSteps, 0);
        OptionChecks.AtLeast($"{nameof(AdversarialRecipeOptions)}.{nameof(PoolSize)}", PoolSize, 0);
        if (!Enum.IsDefined(Encoding))
            throw new ArgumentOutOfRangeException($"{nameof(AdversarialRecipeOptions)}.{nameof(Encoding)}", Encoding, $"use one of {string.Join(", ", Enum.GetNames<LabelEncoding>())}.");
        OptionChecks.Fraction($"{nameof(AdversarialRecipeOptions)}.{nameof(ScalingThreshold)}", ScalingThreshold);
    }
}
