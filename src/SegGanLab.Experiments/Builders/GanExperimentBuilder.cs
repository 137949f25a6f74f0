using SegGanLab.Losses;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// The verbs of the recipes with a GAN objective: verbs for the options every GAN recipe's record
/// (<see cref="GanRecipeOptions"/>) has, the discriminator's default loss and optimizer, and the
/// checks of the two sides' losses.
/// </summary>
/// <typeparam name="TSelf">The recipe's builder.</typeparam>
/// <typeparam name="TOptions">The recipe's options record.</typeparam>
public abstract class GanExperimentBuilder<TSelf, TOptions> : RecipeExperimentBuilder<TSelf, TOptions>
    where TSelf : GanExperimentBuilder<TSelf, TOptions>
    where TOptions : GanRecipeOptions, new()
{
    private protected GanExperimentBuilder(ExperimentSettings settings, TOptions options) : base(settings, options) { }

    /// <summary>
    /// The adversarial objective of both sides (vanilla, LSGAN, hinge, WGAN-GP, RaGAN-LS): the default
    /// losses, and the adversarial terms of <c>.Loss(...)</c> written with the vanilla objective
    /// (a bare <c>Adv</c> or <c>Loss.Adversarial</c>), which take this mode.
    /// </summary>
    public TSelf Mode(GanMode mode) => SetGan((GanRecipeOptions)Options with { Mode = mode });

    /// <summary>Discriminator updates per step (n_critic; default 5 for WGAN-GP, else 1).</summary>
    public TSelf CriticSteps(int steps) => SetGan((GanRecipeOptions)Options with { CriticSteps = steps });

    /// <summary>WGAN-GP's gradient-penalty weight λ in the default discriminator loss.</summary>
    public TSelf GradientPenalty(double weight) => SetGan((GanRecipeOptions)Options with { GradientPenaltyWeight = weight });

    /// <summary>The record changed through its base type (a <c>with</c> on <typeparamref name="TOptions"/> itself is not possible in generic code).</summary>
    private protected TSelf SetGan(GanRecipeOptions options) => Set((TOptions)options);

    private protected override LossExpression? DefaultDiscriminatorLoss => Options.DiscriminatorLoss();

    /// <summary>
    /// A bare adversarial term (<c>Adv</c>: the vanilla objective) takes the recipe's mode, so that
    /// <c>.Loss(CE + 0.01 * Adv).Mode(GanMode.LsGan)</c> trains one objective on both sides; a term
    /// given another mode explicitly is kept (and a mismatch is reported before training).
    /// </summary>
    private protected override LossExpression RecipeLoss(LossExpression given)
    {
        if (Options.Mode == GanMode.Vanilla || !given.Terms.Any(t => t.Term is AdversarialLoss { Gan.Mode: GanMode.Vanilla })) return given;
        return given.Select(t => t.Term is AdversarialLoss { Gan.Mode: GanMode.Vanilla } ? t with { Term = new AdversarialLoss(Options.Mode) } : t);
    }

    /// <summary>Adam with the record's discriminator learning rate and betas.</summary>
    private protected OptimizerSpec RecordDiscriminatorOptimizer =>
        OptimizerSpec.Adam(lr: Options.DiscriminatorLearningRate, betas: (Options.DiscriminatorBeta1, Options.DiscriminatorBeta2));

    private protected override void ValidateOptions() => Options.Validate();

    /// <summary>
    /// The recipes' own loss checks (an adversarial term in the generator's loss, one GAN mode on both
    /// sides, what the discriminator's loss reads); the generator's loss against its inputs was
    /// checked already, so a failure there is not reported twice.
    /// </summary>
    private protected void CheckLosses(LossExpression generator, LossSetup generatorSetup, LossSetup discriminatorSetup, ProblemList problems)
    {
        var discriminator = Settings.DiscriminatorLoss ?? Options.DiscriminatorLoss();
        var generatorFits = true;
        try { generator.Validate(generatorSetup); }
        catch (LossConfigurationException) { generatorFits = false; }
        if (generatorFits) problems.Try("Loss", () => GanLosses.Validate(RecipeName, generator, generatorSetup, discriminator, discriminatorSetup));
        else problems.Try("DiscriminatorLoss", () => discriminator.Validate(discriminatorSetup));
    }
}
