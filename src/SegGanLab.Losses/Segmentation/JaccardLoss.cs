using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>
/// Soft Jaccard (IoU) loss, binary or multiclass, as segmentation_models.pytorch's
/// <c>JaccardLoss</c>: per class TP / (TP + FP + FN) on probabilities, loss = 1 - score averaged over
/// classes (see <see cref="SoftOverlapLoss"/>). Name: <c>jaccard</c>.
/// </summary>
public sealed class JaccardLoss : SoftOverlapLoss
{
    /// <summary>Creates the loss with smp's defaults.</summary>
    /// <param name="mode">Binary or multiclass; null infers it from the logits (one channel: binary).</param>
    /// <param name="fromLogits">True: apply softmax/sigmoid; false: the input is probabilities.</param>
    /// <param name="smooth">Added to numerator and denominator.</param>
    /// <param name="eps">The smallest denominator.</param>
    /// <param name="logLoss">Use -log(score) instead of 1 - score.</param>
    /// <param name="ignoreIndex">The label to ignore; null: the context's.</param>
    /// <param name="classWeights">One weight per class for the class average, or null.</param>
    public JaccardLoss(SegmentationMode? mode = null, bool fromLogits = true, double smooth = 0, double eps = 1e-7, bool logLoss = false,
                       long? ignoreIndex = null, double[]? classWeights = null)
        : base("jaccard", mode, fromLogits, smooth, eps, logLoss, ignoreIndex, classWeights) { }

    private protected override Tensor Score(Tensor tp, Tensor fp, Tensor fn) => Ratio(tp, tp + fp + fn);
}
