using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;

namespace SegGanLab.Training;

/// <summary>
/// Recipe 1, supervised segmentation: a segmenter trained on labelled batches with any loss
/// expression (cross-entropy, Dice, focal, ... and their sums). The baseline every adversarial
/// recipe is compared with.
/// </summary>
public sealed class SupervisedRecipe : Recipe
{
    readonly SegmentationModel _segmenter;
    readonly Optimizer _optimizer;
    readonly LRScheduler? _scheduler;
    readonly SegmentationData _data;
    BatchStream? _stream;

    /// <summary>
    /// A supervised recipe; it owns (and disposes) the segmenter and optimizer. The scheduler, if
    /// any, steps once per optimisation step.
    /// </summary>
    public SupervisedRecipe(SegmentationModel segmenter, Optimizer optimizer, LRScheduler? scheduler, LossExpression loss, SegmentationData data)
        : base("supervised")
    {
        (_segmenter, _optimizer, _scheduler, Loss, _data) = (segmenter, optimizer, scheduler, loss, data);
        State.Modules["G"] = segmenter;
        State.Optimizers["G"] = optimizer;
        if (scheduler is not null) State.Schedulers["G"] = scheduler;
    }

    /// <summary>The segmenter's loss; a callback may change it between steps (e.g. to ramp a term's weight).</summary>
    public LossExpression Loss { get; set; }

    /// <summary>The training and validation data.</summary>
    public SegmentationData Data => _data;

    /// <inheritdoc/>
    public override double StepsPerEpoch => _data.Train.BatchesPerEpoch;

    /// <inheritdoc/>
    public override void Start(long completedSteps, CancellationToken cancellation)
    {
        _stream?.Dispose();
        _stream = _data.Train.Stream(_data.Train.PositionOfStep(completedSteps), cancellation);
        _segmenter.train();
    }

    /// <inheritdoc/>
    public override void Step(StepContext step)
    {
        var batch = RecipeData.Next(_stream, step);
        var logits = _segmenter.forward(batch.Images);
        using var context = new LossContext { Logits = logits, Labels = batch.Masks, IgnoreIndex = _data.Classes.IgnoreIndex };
        step.GeneratorStep(() =>
        {
            _optimizer.zero_grad();
            using var loss = Loss.Evaluate(context);
            step.Report("G", loss);
            loss.Total.backward();
            _optimizer.step();
            _scheduler?.step();
        });
    }

    /// <inheritdoc/>
    public override Evaluation Evaluate(CancellationToken cancellation) =>
        _data.Validation is { } val
            ? SegmentationEvaluator.Evaluate(_segmenter, val, _data.Samples, cancellation)
            : new Evaluation { Metrics = new Dictionary<string, double>() };

    /// <inheritdoc/>
    public override void Stop()
    {
        _stream?.Dispose();
        _stream = null;
    }
}
