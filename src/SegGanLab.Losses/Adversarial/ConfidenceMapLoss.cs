using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>
/// Per-pixel binary cross-entropy of a discriminator's confidence map, as in Hung et al. 2018
/// (AdvSemiSeg's <c>BCEWithLogitsLoss2d</c>): the scores [N, 1, H, W] (or [N, H, W]) on fakes or on
/// reals are judged against the label of real (1) or fake (0), averaged over the pixels whose
/// label is not the ignore index. Without labels in the context (unlabelled images) every pixel
/// counts. The three uses: the segmenter's adversarial term (fake scores, target real), and the
/// discriminator's <c>fake</c> and <c>real</c> terms.
/// </summary>
public sealed class ConfidenceMapLoss : LossTerm
{
    /// <summary>Creates the term.</summary>
    /// <param name="name">The term's name (<c>adv</c>, <c>semi_adv</c>, <c>fake</c>, <c>real</c>).</param>
    /// <param name="scores">Which scores to judge: the discriminator's output on fakes or on reals.</param>
    /// <param name="target">The label they are pushed towards: real (1) or fake (0).</param>
    public ConfidenceMapLoss(string name, DiscriminatorSide scores, DiscriminatorSide target) : base(name) =>
        (Scores, Target) = (scores, target);

    /// <summary>The segmenter's term (<c>adv</c>): its predictions should look real.</summary>
    public static ConfidenceMapLoss Generator(string name = "adv") => new(name, DiscriminatorSide.Fake, DiscriminatorSide.Real);

    /// <summary>The discriminator's term on predictions (<c>fake</c>).</summary>
    public static ConfidenceMapLoss Fake() => new("fake", DiscriminatorSide.Fake, DiscriminatorSide.Fake);

    /// <summary>The discriminator's term on ground truth (<c>real</c>).</summary>
    public static ConfidenceMapLoss Real() => new("real", DiscriminatorSide.Real, DiscriminatorSide.Real);

    /// <summary>Which scores are judged.</summary>
    public DiscriminatorSide Scores { get; }

    /// <summary>The label the scores are pushed towards.</summary>
    public DiscriminatorSide Target { get; }

    /// <inheritdoc/>
    /// <remarks>Labels are read when the context has them (for the ignore mask) but not required.</remarks>
    public override LossRequirements Requirements => new(Scores == DiscriminatorSide.Fake ? LossInputs.FakeScores : LossInputs.RealScores);

    /// <inheritdoc/>
    protected override string Configuration => $"scores: {Scores}, target: {Target}";

    /// <inheritdoc/>
    public override Tensor Compute(LossContext context)
    {
        var scores = Scores == DiscriminatorSide.Fake ? context.FakeScores : context.RealScores;
        return Compute(scores, Target == DiscriminatorSide.Real ? 1 : 0, context.Labels, context.IgnoreIndex);
    }

    /// <summary>
    /// The mean BCE of <paramref name="scores"/> against <paramref name="target"/> over the pixels of
    /// <paramref name="labels"/> [N, H, W] that are not <paramref name="ignoreIndex"/> (every pixel when
    /// either is null); 0 when no pixel counts.
    /// </summary>
    /// <exception cref="LossInputException">When the scores are not one map per image at the labels' size.</exception>
    public Tensor Compute(Tensor scores, double target, Tensor? labels, long? ignoreIndex)
    {
        var s = scores.shape;
        var map = s.Length == 4 && s[1] == 1 ? s.Where((_, k) => k != 1).ToArray() : s;
        if (map.Length != 3)
            throw new LossInputException($"{Name}: the discriminator's confidence map must be [N, 1, H, W] or [N, H, W]; got {SegmentationBatch.Text(s)}. Use a per-pixel discriminator such as Models.HungDiscriminator().");
        if (labels is not null && !labels.shape.SequenceEqual(map))
            throw new LossInputException($"{Name}: the confidence map {SegmentationBatch.Text(s)} does not cover the labels {SegmentationBatch.Text(labels.shape)} pixel for pixel: " +
                                         "upsample the discriminator's output to the label size (Models.HungDiscriminator(upsample: true)).");
        using var scope = NewDisposeScope();
        var flat = scores.reshape(map);
        var bce = F.binary_cross_entropy_with_logits(flat, full_like(flat, target), reduction: Reduction.None);
        if (labels is null || ignoreIndex is not { } ignore) return scope.MoveToOuter(bce.mean());
        var valid = labels.ne(ignore).to(bce.dtype);
        return scope.MoveToOuter((bce * valid).sum() / valid.sum().clamp_min(1));
    }
}
