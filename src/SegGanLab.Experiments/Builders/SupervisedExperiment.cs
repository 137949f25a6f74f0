using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// Recipe 1, supervised segmentation (<see cref="SupervisedRecipe"/>): a segmenter trained on
/// labelled batches with any loss expression; the baseline every adversarial recipe is compared
/// with. Defaults: cross-entropy, Adam with PyTorch's defaults (lr 1e-3), a constant rate.
/// </summary>
/// <example><code>
/// var result = Experiment.Supervised()
///     .Data(Synthetic())
///     .Segmenter(UNet(depth: 3, baseWidth: 8))
///     .Loss(CE + Dice)
///     .Optimizer(Adam(lr: 3e-3)).Schedule(Poly())
///     .Steps(1200)
///     .Run();
/// </code></example>
public sealed class SupervisedExperiment : ExperimentBuilder<SupervisedExperiment>
{
    internal SupervisedExperiment(ExperimentSettings settings) : base(settings) { }

    private protected override SupervisedExperiment With(ExperimentSettings settings) => new(settings);

    private protected override string RecipeName => "supervised";

    private protected override string EntryPoint => "Experiment.Supervised()";

    private protected override IReadOnlyList<ModelRole> Roles { get; } =
    [
        new("G", "segmenter", ["segmenter"], typeof(SegmentationModel), d => new ChannelPlan(InChannels: 3, NumClasses: d.LogitChannels)),
    ];

    private protected override LossExpression DefaultLoss => Losses.Loss.CrossEntropy();

    private protected override LossInputs ProvidedInputs => LossInputs.Logits | LossInputs.Labels;

    private protected override OptimizerSpec DefaultOptimizer(string role) => OptimizerSpec.Adam();

    private protected override Recipe CreateRecipe(BuiltExperiment built) =>
        new SupervisedRecipe((SegmentationModel)built.Models["G"], built.Optimizers["G"], built.Schedulers.GetValueOrDefault("G"), built.Loss, built.Loaders);
}
