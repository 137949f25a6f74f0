using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;

namespace SegGanLab.Training;

/// <summary>
/// The base of the recipes whose product is a segmenter (supervised, gan, semi, gan-augmented): it
/// owns the segmenter with its optimizer and schedule under a role in <see cref="Recipe.State"/>,
/// the training stream (one batch per step, positioned from the step on resume), the segmenter's
/// update, and evaluation on the validation data.
/// </summary>
public abstract class SegmentationRecipe : Recipe
{
    readonly string _role;
    BatchStream? _stream;

    /// <summary>
    /// Registers <paramref name="segmenter"/>, <paramref name="optimizer"/> and <paramref name="scheduler"/>
    /// under <paramref name="role"/>; the recipe owns (and disposes) them.
    /// </summary>
    /// <exception cref="ModelCompatibilityException">When the segmenter's classes do not fit the data's.</exception>
    protected SegmentationRecipe(string name, string role, SegmentationModel segmenter, Optimizer optimizer, LRScheduler? scheduler, SegmentationData data)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(data);
        CheckClasses(segmenter, data.Classes);
        (_role, Segmenter, SegmenterOptimizer, SegmenterScheduler, Data) = (role, segmenter, optimizer, scheduler, data);
        State.Modules[role] = segmenter;
        State.Optimizers[role] = optimizer;
        if (scheduler is not null) State.Schedulers[role] = scheduler;
    }

    /// <summary>The segmenter: what <see cref="Evaluate"/> scores and what a trained run predicts with.</summary>
    public SegmentationModel Segmenter { get; }

    /// <summary>The training and validation data.</summary>
    public SegmentationData Data { get; }

    /// <summary>The segmenter's optimizer.</summary>
    protected Optimizer SegmenterOptimizer { get; }

    /// <summary>The segmenter's LR schedule, stepped once per step, or null.</summary>
    protected LRScheduler? SegmenterScheduler { get; }

    /// <inheritdoc/>
    public override double StepsPerEpoch => Data.Train.BatchesPerEpoch;

    /// <summary>What the segmenter's losses read: logits, labels, and the ignore index.</summary>
    protected LossSetup SegmenterSetup(LossInputs more = LossInputs.None) =>
        new(LossInputs.Logits | LossInputs.Labels | more, (int)Segmenter.NumClasses);

    /// <inheritdoc/>
    public override void Start(long completedSteps, CancellationToken cancellation)
    {
        _stream?.Dispose();
        _stream = Data.Train.Stream(Data.Train.PositionOfStep(completedSteps), cancellation);
        foreach (var module in State.Modules.Values) module.train();
    }

    /// <summary>The step's training batch.</summary>
    protected Batch NextBatch(StepContext step) => RecipeData.Next(_stream, step);

    /// <summary>
    /// The segmenter's update between the generator-step events: the loss parts from
    /// <paramref name="evaluate"/> reported under the role (with <paramref name="idle"/> terms as 0)
    /// before their backward pass, then the optimizer and schedule steps.
    /// </summary>
    protected void UpdateSegmenter(StepContext step, Func<IReadOnlyList<LossResult>> evaluate, IEnumerable<string>? idle = null) =>
        step.GeneratorStep(() =>
        {
            SegmenterOptimizer.zero_grad();
            var parts = evaluate();
            SideReport.Report(step, _role, parts, idle);
            using var total = SideReport.Total(parts);
            total.backward();
            SegmenterOptimizer.step();
            SegmenterScheduler?.step();
        });

    /// <inheritdoc/>
    public override Evaluation Evaluate(CancellationToken cancellation) =>
        Data.Validation is { } val
            ? SegmentationEvaluator.Evaluate(Segmenter, val, Data.Samples, cancellation)
            : new Evaluation { Metrics = new Dictionary<string, double>() };

    /// <inheritdoc/>
    public override void Stop()
    {
        _stream?.Dispose();
        _stream = null;
    }

    static void CheckClasses(SegmentationModel segmenter, DatasetClasses classes)
    {
        if (segmenter.NumClasses == classes.Count || (classes.Binary && segmenter.NumClasses == 1)) return;
        var binary = classes.Binary ? " (or 1 for a sigmoid head)" : "";
        throw new ModelCompatibilityException(
            $"{segmenter.Name} predicts {segmenter.NumClasses} classes but the data has {classes.Count} ({string.Join(", ", classes.Names.Take(6))}{(classes.Count > 6 ? ", ..." : "")}): " +
            $"create it with numClasses: {classes.Count}{binary}.");
    }
}
