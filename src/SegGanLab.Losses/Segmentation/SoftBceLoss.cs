using System.Globalization;
using SegGanLab.Torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>
/// Binary cross-entropy on single-channel logits with label smoothing, as segmentation_models.pytorch's
/// <c>SoftBCEWithLogitsLoss</c>: targets become (1 - y)·s + y·(1 - s) for smoothing s, positives may be
/// re-weighted, and ignored pixels contribute 0 but, as in smp, still count in the mean's
/// denominator. Binary only. Name: <c>bce</c>.
/// </summary>
public sealed class SoftBceLoss : SegmentationLoss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="smoothFactor">Label smoothing s in [0, 1): 0 keeps hard targets.</param>
    /// <param name="positiveWeight">PyTorch's pos_weight: the weight of positive pixels, or null.</param>
    /// <param name="ignoreIndex">The label to ignore; null: the context's.</param>
    public SoftBceLoss(double smoothFactor = 0, double? positiveWeight = null, long? ignoreIndex = null)
        : base("bce", SegmentationMode.Binary, ignoreIndex)
    {
        if (!(smoothFactor >= 0 && smoothFactor < 1)) throw new ArgumentOutOfRangeException(nameof(smoothFactor), smoothFactor, "label smoothing must be in [0, 1)");
        if (positiveWeight is { } w && (!(w >= 0) || double.IsInfinity(w))) throw new ArgumentOutOfRangeException(nameof(positiveWeight), w, "the positive weight must be finite and non-negative");
        (SmoothFactor, PositiveWeight) = (smoothFactor, positiveWeight);
    }

    /// <summary>The label smoothing.</summary>
    public double SmoothFactor { get; }
    /// <summary>The weight of positive pixels, or null.</summary>
    public double? PositiveWeight { get; }

    private protected override SegmentationMode? OnlyMode => SegmentationMode.Binary;

    private protected override string Options => string.Create(CultureInfo.InvariantCulture,
        $"smooth_factor: {SmoothFactor}, pos_weight: {PositiveWeight?.ToString(CultureInfo.InvariantCulture) ?? "none"}");

    private protected override Tensor Loss(SegmentationBatch batch)
    {
        var y = batch.Labels;
        var target = SmoothFactor == 0 ? y : (1 - y) * SmoothFactor + y * (1 - SmoothFactor);
        var posWeight = PositiveWeight is { } w ? torch.full([1], w, batch.Logits.dtype, batch.Logits.device) : null;
        var loss = F.binary_cross_entropy_with_logits(batch.Logits, target, reduction: Reduction.None, pos_weight: posWeight);
        if (batch.Valid is { } valid) loss = loss * valid.to(loss.dtype);
        return loss.mean();
    }
}
