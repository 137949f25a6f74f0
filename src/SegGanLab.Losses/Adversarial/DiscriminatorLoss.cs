using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>Which half of the discriminator's loss a <see cref="DiscriminatorLoss"/> term is.</summary>
public enum DiscriminatorSide
{
    /// <summary>The loss on real samples (term <c>real</c>).</summary>
    Real,
    /// <summary>The loss on fakes (term <c>fake</c>).</summary>
    Fake,
}

/// <summary>
/// One half of the discriminator's own loss under a <see cref="GanMode"/>: on reals (<c>real</c>)
/// or on fakes (<c>fake</c>). <see cref="Loss.Discriminator"/> builds the whole D loss from both,
/// weighted by the mode's default (0.5 for vanilla, LSGAN and RaGAN-LS, as pix2pix and
/// DeblurGAN-v2 halve it), plus the gradient penalty for WGAN-GP. The context's fake input must be
/// detached from the generator for the D step.
/// </summary>
public sealed class DiscriminatorLoss : LossTerm
{
    /// <summary>Creates the term for <paramref name="side"/> under <paramref name="mode"/>.</summary>
    public DiscriminatorLoss(GanMode mode, DiscriminatorSide side) : base(side == DiscriminatorSide.Real ? "real" : "fake")
    {
        Gan = GanLoss.For(mode);
        Side = side;
    }

    /// <summary>The objective.</summary>
    public GanLoss Gan { get; }

    /// <summary>Reals or fakes.</summary>
    public DiscriminatorSide Side { get; }

    /// <inheritdoc/>
    public override LossRequirements Requirements => new(Gan.IsRelativistic
        ? LossInputs.FakeScores | LossInputs.RealScores
        : Side == DiscriminatorSide.Real ? LossInputs.RealScores : LossInputs.FakeScores);

    /// <inheritdoc/>
    protected override string Configuration => $"mode: {Gan.Mode}";

    /// <inheritdoc/>
    public override Tensor Compute(LossContext context) => Side == DiscriminatorSide.Real
        ? Gan.RealLoss(context.RealScores, Gan.IsRelativistic ? context.FakeScores : null)
        : Gan.FakeLoss(context.FakeScores, Gan.IsRelativistic ? context.RealScores : null);
}
