using SegGanLab.Losses;

namespace SegGanLab.Training;

/// <summary>
/// The options of <see cref="DeblurRecipe"/> (recipe "deblur"). The defaults are DeblurGAN-v2's
/// (Kupyn et al. 2019), the cheaper of the two: RaGAN-LS with one discriminator update per step and
/// generator loss 0.5 x pixel MSE + 0.006 x VGG-19 conv3_3 perceptual + 0.001 x adversarial.
/// <see cref="V1"/> gives DeblurGAN's (Kupyn et al. 2018): WGAN-GP (λ 10, 5 critic steps) and
/// adversarial + 100 x perceptual. The discriminator's Adam (lr 1e-4, β1 0.5) is DeblurGAN's.
/// </summary>
public sealed record DeblurRecipeOptions : GanRecipeOptions
{
    /// <summary>DeblurGAN-v2's defaults.</summary>
    public DeblurRecipeOptions()
    {
        Mode = GanMode.RaLsGan;
        DiscriminatorLearningRate = 1e-4;
        DiscriminatorBeta1 = 0.5;
    }

    /// <summary>DeblurGAN (v1): WGAN-GP with 5 critic steps and λ = 10, loss = adv + 100 x perceptual (no pixel term).</summary>
    public static DeblurRecipeOptions V1 => new() { Mode = GanMode.WganGp, PixelWeight = 0, PerceptualWeight = 100, AdversarialWeight = 1 };

    /// <summary>The weight of the pixel MSE term <c>l2</c> in the default generator loss (0.5, DeblurGAN-v2; 0 turns it off).</summary>
    public double PixelWeight { get; init; } = 0.5;

    /// <summary>The weight of the VGG-19 conv3_3 term <c>perceptual</c> in the default generator loss (0.006, DeblurGAN-v2; 0 turns it off).</summary>
    public double PerceptualWeight { get; init; } = 0.006;

    /// <summary>The weight of the adversarial term <c>adv</c> in the default generator loss (0.001, DeblurGAN-v2).</summary>
    public double AdversarialWeight { get; init; } = 0.001;

    /// <summary>The VGG-19 weights file of the perceptual term (null: the <c>SEGGAN_VGG19_WEIGHTS</c> variable; see scripts/export_vgg19_features.py).</summary>
    public string? PerceptualWeights { get; init; }

    /// <summary>How sharp images are blurred into the generator's inputs.</summary>
    public BlurOptions Blur { get; init; } = new();

    /// <summary>The default generator loss: the weighted pixel, perceptual and adversarial terms (those of weight 0 left out).</summary>
    public LossExpression GeneratorLoss()
    {
        LossExpression loss = AdversarialWeight * new AdversarialLoss(Mode);
        if (PerceptualWeight > 0) loss = PerceptualWeight * new PerceptualLoss(PerceptualWeights) + loss;
        if (PixelWeight > 0) loss = PixelWeight * new L2Loss() + loss;
        return loss;
    }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        const string name = nameof(DeblurRecipeOptions);
        OptionChecks.NonNegative($"{name}.{nameof(PixelWeight)}", PixelWeight);
        OptionChecks.NonNegative($"{name}.{nameof(PerceptualWeight)}", PerceptualWeight);
        OptionChecks.NonNegative($"{name}.{nameof(AdversarialWeight)}", AdversarialWeight);
        ArgumentNullException.ThrowIfNull(Blur, $"{name}.{nameof(Blur)}");
        Blur.Validate();
    }
}
