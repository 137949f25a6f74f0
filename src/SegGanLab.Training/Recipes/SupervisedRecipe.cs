using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;

namespace SegGanLab.Training;

/// <summary>
/// Recipe 1, supervised segmentation: a segmenter trained on labelled batches with any loss
/// expression (cross-entropy, Dice, focal, ... and their sums). The baseline every adversarial
/// recipe is compared with.
/// </summary>
public sealed class SupervisedRecipe : SegmentationRecipe
{
    /// <summary>
    /// A supervised recipe; it owns (and disposes) the segmenter and optimizer. The scheduler, if
    /// any, steps once per optimisation step.
    /// </summary>
    /// <exception cref="ModelCompatibilityException">When the segmenter's classes do not fit the data's.</exception>
    public SupervisedRecipe(SegmentationModel segmenter, Optimizer optimizer, LRScheduler? scheduler, LossExpression loss, SegmentationData data)
        : base("supervised", "G", segmenter, optimizer, scheduler, data) =>
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));

    /// <summary>The segmenter's loss; a callback may change it between steps (e.g. to ramp a term's weight).</summary>
    public LossExpression Loss { get; set; }

    /// <inheritdoc/>
    public override void Step(StepContext step)
    {
        var batch = NextBatch(step);
        var logits = Segmenter.forward(batch.Images);
        using var context = new LossContext { Logits = logits, Labels = batch.Masks, IgnoreIndex = Data.Classes.IgnoreIndex };
        UpdateSegmenter(step, () => [Loss.Evaluate(context)]);
    }
}
