using SegGanLab.Losses;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

// What each recipe's builder says about itself; the shared build, run and summary code reads it.
public abstract partial class ExperimentBuilder<TSelf>
{
    /// <summary>The recipe's name in options.json (<c>supervised</c>, <c>gan</c>, ...).</summary>
    private protected abstract string RecipeName { get; }

    /// <summary>The entry point as written, for messages (<c>Experiment.Gan()</c>).</summary>
    private protected abstract string EntryPoint { get; }

    /// <summary>The models the recipe trains.</summary>
    private protected abstract IReadOnlyList<ModelRole> Roles { get; }

    /// <summary>The checkpoint role of the model Evaluate and Predict run (the segmenter, or the deblurring generator).</summary>
    private protected virtual string InferenceRole => "G";

    /// <summary>The segmenter's (generator's) loss when <c>.Loss(...)</c> is not given.</summary>
    private protected abstract LossExpression DefaultLoss { get; }

    /// <summary>The segmenter's (generator's) loss as the recipe trains a given <c>.Loss(...)</c>; GAN recipes give its bare adversarial terms their mode.</summary>
    private protected virtual LossExpression RecipeLoss(LossExpression given) => given;

    /// <summary>The discriminator's loss when <c>.DiscriminatorLoss(...)</c> is not given; null for recipes without one.</summary>
    private protected virtual LossExpression? DefaultDiscriminatorLoss => null;

    /// <summary>What the recipe puts into the segmenter's (generator's) loss context, for <see cref="LossExpression.Validate"/>.</summary>
    private protected abstract LossInputs ProvidedInputs { get; }

    /// <summary>The optimizer of the role <paramref name="role"/> when none is given.</summary>
    private protected abstract OptimizerSpec DefaultOptimizer(string role);

    /// <summary>The optimizer the settings give the role <paramref name="role"/> (the discriminator's for <c>D</c>), or null.</summary>
    private protected virtual OptimizerSpec? SetOptimizer(string role) => role == "D" ? Settings.DiscriminatorOptimizer : Settings.Optimizer;

    /// <summary>The verb that sets the optimizer of <paramref name="role"/> and its part in options.json.</summary>
    private protected virtual (string Verb, string Part) OptimizerName(string role) =>
        role == "D" ? ("DiscriminatorOptimizer", "discriminator_optimizer") : ("Optimizer", "optimizer");

    /// <summary>The opened data as the recipe trains on it (semi: the labelled part, with the unlabelled images beside it); null after a problem.</summary>
    private protected virtual OpenedData? Arrange(OpenedData data, ProblemList problems) => data;

    /// <summary>Recipe-specific checks of a built experiment (discriminator fit, GAN modes, ...).</summary>
    private protected virtual void Check(BuildState state, ProblemList problems) { }

    /// <summary>Creates the recipe over a built experiment (it takes ownership of its models and optimizers).</summary>
    private protected abstract Recipe CreateRecipe(BuiltExperiment built);

    /// <summary>The recipe's own options.json entries (its options record), with step counts scaled by <paramref name="scale"/>.</summary>
    private protected virtual IEnumerable<OptionValue> RecipeEntries(double scale) => [];
}

/// <summary>What a recipe's <c>Check</c> sees: the opened data and the models built so far, by role.</summary>
internal sealed record BuildState(OpenedData Data, IReadOnlyDictionary<string, SegGanLab.Torch.torch.nn.Module> Models, LossExpression Loss);
