using System.Globalization;
using SegGanLab.Torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>
/// Focal loss (Lin et al.), as segmentation_models.pytorch's <c>FocalLoss</c>: the sigmoid focal
/// term (1 - p_t)^γ · BCE, optionally weighted by α for positives and 1 - α for negatives, averaged
/// over the non-ignored pixels. In multiclass mode, as in smp, each class is a one-vs-rest sigmoid
/// problem on its own logit channel and the per-class means are summed. Name: <c>focal</c>.
/// </summary>
public sealed class FocalLoss : SegmentationLoss
{
    /// <summary>Creates the loss with smp's defaults.</summary>
    /// <param name="mode">Binary or multiclass; null infers it from the logits (one channel: binary).</param>
    /// <param name="gamma">The focusing exponent (0 gives BCE).</param>
    /// <param name="alpha">The weight of positives in [0, 1] (negatives get 1 - α), or null for none.</param>
    /// <param name="ignoreIndex">The label to ignore; null: the context's.</param>
    public FocalLoss(SegmentationMode? mode = null, double gamma = 2.0, double? alpha = null, long? ignoreIndex = null)
        : base("focal", mode, ignoreIndex)
    {
        if (!(gamma >= 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "focal gamma must be finite and non-negative");
        if (alpha is { } a && !(a >= 0 && a <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), a, "focal alpha must be in [0, 1]");
        (Gamma, Alpha) = (gamma, alpha);
    }

    /// <summary>The focusing exponent.</summary>
    public double Gamma { get; }
    /// <summary>The weight of positives, or null.</summary>
    public double? Alpha { get; }

    private protected override string Options => string.Create(CultureInfo.InvariantCulture, $"gamma: {Gamma}, alpha: {Alpha?.ToString(CultureInfo.InvariantCulture) ?? "none"}");

    private protected override Tensor Loss(SegmentationBatch batch)
    {
        var logits = batch.Logits;
        var valid = batch.Valid?.to(logits.dtype);
        if (batch.Mode == SegmentationMode.Binary) return Focal(logits, batch.Labels, valid);
        Tensor? total = null;
        for (long c = 0; c < batch.Classes; c++)
        {
            var target = batch.Labels.eq(c).to(logits.dtype);
            var loss = Focal(logits.select(1, c), target, valid);
            total = total is null ? loss : total + loss;
        }
        return total!;
    }

    /// <summary>The mean sigmoid focal loss over the pixels where <paramref name="valid"/> is 1 (all when null).</summary>
    Tensor Focal(Tensor logits, Tensor target, Tensor? valid)
    {
        var bce = F.binary_cross_entropy_with_logits(logits, target, reduction: Reduction.None);
        var loss = (1 - (-bce).exp()).pow(Gamma) * bce;
        if (Alpha is { } a) loss = loss * (a * target + (1 - a) * (1 - target));
        return valid is null ? loss.mean() : (loss * valid).sum() / valid.sum();
    }
}
