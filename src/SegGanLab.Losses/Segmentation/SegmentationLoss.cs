using System.Globalization;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses;

/// <summary>
/// The base of the segmentation losses: logits and labels in, a scalar out, with the input checks
/// they share (<see cref="LossInputException"/> for wrong shapes, class counts and label values)
/// and optional per-class weights.
/// </summary>
public abstract class SegmentationLoss : LossTerm
{
    readonly double[]? _classWeights;

    /// <summary>Creates a segmentation term.</summary>
    /// <param name="name">The term's name.</param>
    /// <param name="mode">The mode, or null to infer it from the logits' channel count.</param>
    /// <param name="ignoreIndex">The label to ignore, or null to use the context's (none when called directly).</param>
    /// <param name="classWeights">One weight per class, or null for equal weights.</param>
    /// <exception cref="ArgumentException">When the class weights are negative, not finite or all zero.</exception>
    private protected SegmentationLoss(string name, SegmentationMode? mode, long? ignoreIndex, double[]? classWeights = null) : base(name)
    {
        ClassWeights.CheckValues(name, classWeights);
        Mode = mode;
        IgnoreIndex = ignoreIndex;
        _classWeights = classWeights?.ToArray();
    }

    /// <summary>The mode, or null to infer it from the logits (one channel: binary).</summary>
    public SegmentationMode? Mode { get; }

    /// <summary>The label whose pixels count nowhere; null: the context's ignore index (or none when called directly).</summary>
    public long? IgnoreIndex { get; }

    /// <summary>One weight per class, or null for equal weights.</summary>
    public IReadOnlyList<double>? Weights => _classWeights;

    /// <summary>The one mode this loss supports, or null when it supports both.</summary>
    private protected virtual SegmentationMode? OnlyMode => null;

    /// <inheritdoc/>
    public override LossRequirements Requirements => new(LossInputs.Logits | LossInputs.Labels, OnlyMode ?? Mode);

    /// <summary>The loss of <paramref name="logits"/> [N, C, H, W] against <paramref name="labels"/> [N, H, W], a scalar tensor.</summary>
    /// <exception cref="LossInputException">When shapes, class counts or label values do not fit.</exception>
    public Tensor Forward(Tensor logits, Tensor labels) => Forward(logits, labels, IgnoreIndex);

    /// <inheritdoc/>
    public override Tensor Compute(LossContext context) =>
        Forward(context.RequireLogits(Name), context.RequireLabels(Name), IgnoreIndex ?? context.IgnoreIndex);

    Tensor Forward(Tensor logits, Tensor labels, long? ignoreIndex)
    {
        using var scope = NewDisposeScope();
        var batch = SegmentationBatch.Create(Name, logits, labels, OnlyMode ?? Mode, ignoreIndex);
        if (ClassWeights.CountProblem(Name, _classWeights, batch.Classes) is { } problem) throw new LossInputException(problem + ".");
        return scope.MoveToOuter(Loss(batch));
    }

    /// <summary>The loss on checked inputs, computed inside a dispose scope.</summary>
    private protected abstract Tensor Loss(SegmentationBatch batch);

    /// <summary>The class weights as a tensor like the logits, or null.</summary>
    private protected Tensor? ClassWeightTensor(SegmentationBatch batch) =>
        _classWeights is null ? null : ClassWeights.ToTensor(_classWeights, batch.Logits);

    /// <summary>The options particular to the derived loss, as text for <see cref="LossTerm.Describe"/>.</summary>
    private protected abstract string Options { get; }

    /// <inheritdoc/>
    protected sealed override string Configuration => string.Create(CultureInfo.InvariantCulture,
        $"mode: {Mode?.ToString().ToLowerInvariant() ?? "auto"}, ignore_index: {IgnoreIndex?.ToString(CultureInfo.InvariantCulture) ?? "context"}, " +
        $"class_weights: [{(_classWeights is null ? "" : ClassWeights.Text(_classWeights))}]{(Options.Length > 0 ? ", " + Options : "")}");

    /// <inheritdoc/>
    protected override IEnumerable<string> ConfigurationProblems(LossSetup setup) =>
        setup.Classes is { } c && ClassWeights.CountProblem(Name, _classWeights, c) is { } p ? [p] : [];
}
