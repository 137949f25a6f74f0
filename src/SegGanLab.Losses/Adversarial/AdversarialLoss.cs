using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>
/// The generator's (or segmenter's) adversarial term: its fakes should pass the discriminator as
/// real, under the chosen <see cref="GanMode"/>. Reads the discriminator's output on fakes from the
/// context (computed lazily there), and on reals too for RaGAN-LS. Name: <c>adv</c>.
/// </summary>
public sealed class AdversarialLoss : LossTerm
{
    /// <summary>Creates the term for <paramref name="mode"/>.</summary>
    public AdversarialLoss(GanMode mode = GanMode.Vanilla) : base("adv") => Gan = GanLoss.For(mode);

    /// <summary>The objective.</summary>
    public GanLoss Gan { get; }

    /// <inheritdoc/>
    public override LossRequirements Requirements =>
        new(LossInputs.FakeScores | (Gan.IsRelativistic ? LossInputs.RealScores : LossInputs.None));

    /// <inheritdoc/>
    protected override string Configuration => $"mode: {Gan.Mode}";

    /// <inheritdoc/>
    public override Tensor Compute(LossContext context) =>
        Gan.GeneratorLoss(context.FakeScores, Gan.IsRelativistic ? context.RealScores : null);
}
