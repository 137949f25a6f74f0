using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// The verbs of the recipes with an options record (<typeparamref name="TOptions"/>, holding the
/// literature's defaults): <see cref="Configure"/> reaches any option of the record, unset options
/// keep the record's defaults, and options.json records each one against a freshly constructed record.
/// </summary>
/// <typeparam name="TSelf">The recipe's builder.</typeparam>
/// <typeparam name="TOptions">The recipe's options record.</typeparam>
public abstract class RecipeExperimentBuilder<TSelf, TOptions> : ExperimentBuilder<TSelf>
    where TSelf : RecipeExperimentBuilder<TSelf, TOptions>
    where TOptions : class, new()
{
    private protected RecipeExperimentBuilder(ExperimentSettings settings, TOptions options) : base(settings) =>
        Options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The recipe's options as set so far (unset ones hold the literature's defaults).</summary>
    public TOptions Options { get; }

    /// <summary>A builder of this recipe over <paramref name="settings"/> and <paramref name="options"/>.</summary>
    private protected abstract TSelf With(ExperimentSettings settings, TOptions options);

    private protected sealed override TSelf With(ExperimentSettings settings) => With(settings, Options);

    /// <summary>Changes any option of the recipe's record: <c>.Configure(o =&gt; o with { ... })</c>.</summary>
    public TSelf Configure(Func<TOptions, TOptions> change) => With(Settings, (change ?? throw new ArgumentNullException(nameof(change)))(Options));

    /// <summary>This builder with the record <paramref name="options"/>.</summary>
    private protected TSelf Set(TOptions options) => With(Settings, options);

    /// <summary>The recipe's options with their step counts multiplied by <paramref name="scale"/> (SEGGAN_STEP_SCALE).</summary>
    private protected abstract TOptions Scaled(double scale);

    /// <summary>Checks the record's values (the record's own <c>Validate</c>).</summary>
    private protected abstract void ValidateOptions();

    private protected sealed override void Check(BuildState state, ProblemList problems)
    {
        problems.Try(typeof(TOptions).Name, ValidateOptions);
        CheckRecipe(state, problems);
    }

    /// <summary>The recipe's own checks of models, losses and data.</summary>
    private protected abstract void CheckRecipe(BuildState state, ProblemList problems);

    /// <summary>A start step scaled with the run (0 stays 0: "from the start").</summary>
    private protected static long ScaledStart(long step, double scale) => step > 0 ? StepScale.Apply(step, scale) : 0;

    private protected override IEnumerable<OptionValue> RecipeEntries(double scale) =>
        RecordEntries.Of(RecipeName.Replace('-', '_'), Scaled(scale), new TOptions());
}
