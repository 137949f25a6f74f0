using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>
/// Lovász-softmax loss (Berman et al. 2018), a convex surrogate of the per-class Jaccard loss, as
/// segmentation_models.pytorch's <c>LovaszLoss</c> in multiclass mode: softmax probabilities,
/// ignored pixels removed, for every class present in the target the Lovász extension of its
/// Jaccard loss on the sorted errors |fg - p_c|, averaged over those classes (0 when none is
/// present). Multiclass only. Name: <c>lovasz</c>.
/// </summary>
public sealed class LovaszSoftmaxLoss : SegmentationLoss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="perImage">Average the loss of each image instead of computing it over the whole batch.</param>
    /// <param name="ignoreIndex">The label to ignore; null: the context's.</param>
    public LovaszSoftmaxLoss(bool perImage = false, long? ignoreIndex = null) : base("lovasz", SegmentationMode.Multiclass, ignoreIndex) =>
        PerImage = perImage;

    /// <summary>True: the mean of per-image losses; false: one loss over all pixels of the batch.</summary>
    public bool PerImage { get; }

    private protected override SegmentationMode? OnlyMode => SegmentationMode.Multiclass;

    private protected override string Options => $"per_image: {PerImage}";

    private protected override Tensor Loss(SegmentationBatch batch)
    {
        var probs = F.softmax(batch.Logits, 1);
        if (!PerImage) return Flat(probs, batch.Labels, batch.Valid);
        var n = probs.size(0);
        Tensor? total = null;
        for (long i = 0; i < n; i++)
        {
            var loss = Flat(probs.narrow(0, i, 1), batch.Labels.narrow(0, i, 1), batch.Valid?.narrow(0, i, 1));
            total = total is null ? loss : total + loss;
        }
        return total! / n;
    }

    /// <summary>The loss over every valid pixel of <paramref name="probs"/> [N, C, ...].</summary>
    static Tensor Flat(Tensor probs, Tensor labels, Tensor? valid)
    {
        var c = probs.size(1);
        var rank = probs.dim();
        var order = new long[rank];
        order[^1] = 1;
        for (var k = 1; k < rank - 1; k++) order[k] = k + 1;    // [N, C, ...] -> [N, ..., C]
        var flat = probs.permute(order).reshape(-1, c);
        var flatLabels = labels.reshape(-1);
        if (valid is not null)
        {
            var keep = valid.reshape(-1);
            flat = flat[keep];
            flatLabels = flatLabels[keep];
        }
        var present = flatLabels.bincount(minlength: c).gt(0).cpu().data<bool>();   // one synchronisation
        var losses = new List<Tensor>();
        for (long k = 0; k < c; k++)
        {
            if (!present[k]) continue;                           // classes present in the target only
            var fg = flatLabels.eq(k).to(flat.dtype);
            var errors = (fg - flat.select(1, k)).abs();
            var (sorted, permutation) = errors.sort(0, descending: true);
            losses.Add((sorted * LovaszGradient(fg.index_select(0, permutation))).sum());
        }
        return losses.Count == 0 ? flat.sum() * 0 : stack(losses).mean();
    }

    /// <summary>The gradient of the Lovász extension of the Jaccard loss for foreground flags sorted by decreasing error.</summary>
    static Tensor LovaszGradient(Tensor fgSorted)
    {
        var p = fgSorted.size(0);
        var positives = fgSorted.sum();
        var intersection = positives - fgSorted.cumsum(0);
        var union = positives + (1 - fgSorted).cumsum(0);
        var jaccard = 1 - intersection / union;
        if (p == 1) return jaccard;
        return cat([jaccard.narrow(0, 0, 1), jaccard.narrow(0, 1, p - 1) - jaccard.narrow(0, 0, p - 1)]);
    }
}
