using SegGanLab.Plots;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>Follows the trainer's events during a dry run, so a failure can say which stage it happened in.</summary>
internal sealed class StageTracker(string modelVerb) : Callback
{
    public string Stage { get; private set; } = "building the recipe and positioning the data";

    public override void OnFitStart(TrainingProgress progress) => Stage = "the first step (loading the batch, the forward pass)";

    public override void OnStepStart(TrainingProgress progress) => Stage = "the first step (loading the batch, the forward pass)";

    public override void OnDiscriminatorStepStart(TrainingProgress progress) => Stage = "the discriminator update (its forward passes, loss and backward)";

    public override void OnGeneratorStepStart(TrainingProgress progress) => Stage = $"the {modelVerb} update (its loss and backward)";

    public override void OnStepEnd(TrainingProgress progress, TrainRecord record) => Stage = "the evaluation on one validation batch";

    public override void OnEvaluation(TrainingProgress progress, EvalRecord record) => Stage = "finishing the dry run";
}
