using SegGanLab.Losses;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// The verbs of the recipes with a discriminator: the recipe's options record (<typeparamref name="TOptions"/>,
/// with the literature's defaults) and verbs for the options every GAN recipe has. <see cref="Configure"/>
/// reaches any option of the record.
/// </summary>
/// <typeparam name="TSelf">The recipe's builder.</typeparam>
/// <typeparam name="TOptions">The recipe's options record.</typeparam>
public abstract class GanExperimentBuilder<TSelf, TOptions> : ExperimentBuilder<TSelf>
    where TSelf : GanExperimentBuilder<TSelf, TOptions>
    where TOptions : GanRecipeOptions
{
    private protected GanExperimentBuilder(ExperimentSettings settings, TOptions options) : base(settings) => Options = options;

    /// <summary>The recipe's options as set so far (unset ones hold the literature's defaults).</summary>
    public TOptions Options { get; }

    /// <summary>A builder of this recipe over <paramref name="settings"/> and <paramref name="options"/>.</summary>
    private protected abstract TSelf With(ExperimentSettings settings, TOptions options);

    private protected sealed override TSelf With(ExperimentSettings settings) => With(settings, Options);

    /// <summary>Changes any option of the recipe's record: <c>.Configure(o =&gt; o with { PoolSize = 50 })</c>.</summary>
    public TSelf Configure(Func<TOptions, TOptions> change) => With(Settings, (change ?? throw new ArgumentNullException(nameof(change)))(Options));

    /// <summary>The adversarial objective of the default losses (vanilla, LSGAN, hinge, WGAN-GP, RaGAN-LS).</summary>
    public TSelf Mode(GanMode mode) => Set((GanRecipeOptions)Options with { Mode = mode });

    /// <summary>Discriminator updates per step (n_critic; default 5 for WGAN-GP, else 1).</summary>
    public TSelf CriticSteps(int steps) => Set((GanRecipeOptions)Options with { CriticSteps = steps });

    /// <summary>WGAN-GP's gradient-penalty weight λ in the default discriminator loss.</summary>
    public TSelf GradientPenalty(double weight) => Set((GanRecipeOptions)Options with { GradientPenaltyWeight = weight });

    /// <summary>The record changed through its base type (a <c>with</c> on <typeparamref name="TOptions"/> itself is not possible in generic code).</summary>
    private protected TSelf Set(GanRecipeOptions options) => With(Settings, (TOptions)options);

    /// <summary>The recipe's options with their step counts multiplied by <paramref name="scale"/> (SEGGAN_STEP_SCALE).</summary>
    private protected abstract TOptions Scaled(double scale);

    private protected override LossExpression? DefaultDiscriminatorLoss => Options.DiscriminatorLoss();

    /// <summary>Adam with the record's discriminator learning rate and betas.</summary>
    private protected OptimizerSpec RecordDiscriminatorOptimizer =>
        OptimizerSpec.Adam(lr: Options.DiscriminatorLearningRate, betas: (Options.DiscriminatorBeta1, Options.DiscriminatorBeta2));

    private protected override void Check(BuildState state, ProblemList problems)
    {
        problems.Try(typeof(TOptions).Name, () => Options.Validate());
        CheckGan(state, problems);
    }

    /// <summary>The recipe's own checks of models and losses.</summary>
    private protected abstract void CheckGan(BuildState state, ProblemList problems);

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

    private protected override IEnumerable<OptionValue> RecipeEntries(double scale)
    {
        var part = RecipeName.Replace('-', '_');
        var defaults = (TOptions)Activator.CreateInstance(typeof(TOptions))!;
        return RecordEntries.Of(part, Scaled(scale), defaults);
    }
}
