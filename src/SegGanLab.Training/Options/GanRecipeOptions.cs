using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// What the recipes with a GAN objective share (<see cref="AdversarialRecipeOptions"/>,
/// <c>GanAugmentedRecipeOptions</c>, <c>DeblurRecipeOptions</c>): the adversarial
/// objective, the discriminator updates per step and the discriminator's default optimizer. Each
/// derived record sets the defaults of its own literature; their docs say which.
/// </summary>
public abstract record GanRecipeOptions
{
    /// <summary>The adversarial objective of the default losses (the generator's <c>adv</c> term and <see cref="Loss.Discriminator"/>).</summary>
    public GanMode Mode { get; init; }

    /// <summary>
    /// Discriminator updates per step (n_critic), all on the step's batch; null: 5 for WGAN-GP
    /// (Gulrajani et al. 2017, Algorithm 1; DeblurGAN v1's critic updates), 1 otherwise.
    /// </summary>
    public int? CriticSteps { get; init; }

    /// <summary>WGAN-GP's penalty weight λ in the default discriminator loss (10: Gulrajani et al., pix2pix, DeblurGAN).</summary>
    public double GradientPenaltyWeight { get; init; } = GradientPenalty.DefaultLambda;

    /// <summary>Adam's learning rate for the discriminator when no optimizer is given.</summary>
    public double DiscriminatorLearningRate { get; init; }

    /// <summary>Adam's β1 for the discriminator when no optimizer is given.</summary>
    public double DiscriminatorBeta1 { get; init; }

    /// <summary>Adam's β2 for the discriminator when no optimizer is given.</summary>
    public double DiscriminatorBeta2 { get; init; } = 0.999;

    /// <summary>The discriminator updates per step: <see cref="CriticSteps"/> or its mode's default.</summary>
    public int DiscriminatorSteps => CriticSteps ?? (Mode == GanMode.WganGp ? 5 : 1);

    /// <summary>The default discriminator loss: <see cref="Loss.Discriminator"/> for <see cref="Mode"/>, its penalty's interpolation weights drawn from <paramref name="penaltyRandom"/>.</summary>
    public LossExpression DiscriminatorLoss(Generator? penaltyRandom = null) =>
        Loss.Discriminator(Mode, gradientPenalty: GradientPenaltyWeight, generator: penaltyRandom);

    /// <summary>The default discriminator optimizer: Adam with <see cref="DiscriminatorLearningRate"/> and the betas.</summary>
    public Optimizer DiscriminatorOptimizer(Discriminator discriminator) =>
        optim.Adam(discriminator.parameters(), DiscriminatorLearningRate, (DiscriminatorBeta1, DiscriminatorBeta2));

    /// <summary>Checks every value; the exception names the option at fault.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value out of its range.</exception>
    public virtual void Validate()
    {
        var name = GetType().Name;
        if (!Enum.IsDefined(Mode)) throw new ArgumentOutOfRangeException($"{name}.{nameof(Mode)}", Mode, $"{name}.{nameof(Mode)} is not a GAN mode; use one of {string.Join(", ", Enum.GetNames<GanMode>())}.");
        if (CriticSteps is { } n) OptionChecks.AtLeast($"{name}.{nameof(CriticSteps)}", n, 1);
        OptionChecks.NonNegative($"{name}.{nameof(GradientPenaltyWeight)}", GradientPenaltyWeight);
        OptionChecks.Positive($"{name}.{nameof(DiscriminatorLearningRate)}", DiscriminatorLearningRate);
        OptionChecks.Fraction($"{name}.{nameof(DiscriminatorBeta1)}", DiscriminatorBeta1, openAtOne: true);
        OptionChecks.Fraction($"{name}.{nameof(DiscriminatorBeta2)}", DiscriminatorBeta2, openAtOne: true);
    }
}
