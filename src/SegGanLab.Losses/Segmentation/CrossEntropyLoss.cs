using System.Globalization;
using SegGanLab.Torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>
/// Cross-entropy of multiclass logits (PyTorch's <c>cross_entropy</c>): optional class weights
/// (e.g. <see cref="ClassWeights.MedianFrequency"/>), ignore index and label smoothing. With
/// weights, the mean is weighted by the target classes' weights, as in PyTorch. Name: <c>ce</c>.
/// </summary>
public sealed class CrossEntropyLoss : SegmentationLoss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="weights">One weight per class, or null for equal weights.</param>
    /// <param name="ignoreIndex">The label to ignore; null: the context's (none when called directly).</param>
    /// <param name="labelSmoothing">PyTorch's label smoothing in [0, 1]: the target mixes the one-hot label with the uniform distribution.</param>
    /// <exception cref="ArgumentException">When the weights or the smoothing are out of range.</exception>
    public CrossEntropyLoss(double[]? weights = null, long? ignoreIndex = null, double labelSmoothing = 0)
        : base("ce", SegmentationMode.Multiclass, ignoreIndex, weights)
    {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "label smoothing must be in [0, 1]");
        LabelSmoothing = labelSmoothing;
    }

    /// <summary>The label smoothing.</summary>
    public double LabelSmoothing { get; }

    private protected override SegmentationMode? OnlyMode => SegmentationMode.Multiclass;

    private protected override string Options => string.Create(CultureInfo.InvariantCulture, $"label_smoothing: {LabelSmoothing}");

    private protected override Tensor Loss(SegmentationBatch batch)
    {
        // The batch's labels have ignored pixels set to 0 and the mask beside them; cross_entropy wants an ignore value back.
        var labels = batch.Valid is null ? batch.Labels : batch.Labels.masked_fill(batch.Valid.logical_not(), -100);
        return F.cross_entropy(batch.Logits, labels, ClassWeightTensor(batch), ignore_index: -100, label_smoothing: LabelSmoothing);
    }
}
