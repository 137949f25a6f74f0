using SegGanLab.Losses;

namespace SegGanLab.Training;

/// <summary>Checks and rewrites of the loss expressions the adversarial recipes are given.</summary>
internal static class GanLosses
{
    /// <summary>True for a term that reads the discriminator's scores (an adversarial term of the generator's loss).</summary>
    public static bool IsAdversarial(WeightedTerm term) =>
        (term.Term.Requirements.Inputs & (LossInputs.FakeScores | LossInputs.RealScores)) != 0;

    /// <summary>
    /// Checks a generator's and a discriminator's loss before training: what the recipe provides
    /// (<paramref name="generatorSetup"/>, <paramref name="discriminatorSetup"/>), an adversarial term in
    /// the generator's loss, and one GAN mode on both sides.
    /// </summary>
    /// <exception cref="LossConfigurationException">Listing every problem.</exception>
    public static void Validate(string recipe, LossExpression generator, LossSetup generatorSetup, LossExpression discriminator, LossSetup discriminatorSetup)
    {
        generator.Validate(generatorSetup);
        discriminator.Validate(discriminatorSetup);
        if (!generator.Terms.Any(IsAdversarial))
            throw new LossConfigurationException(
                $"the {recipe} recipe trains a discriminator, but the generator's loss ({generator}) has no adversarial term: " +
                "add one, e.g. + 0.01 * Loss.Adversarial (with the discriminator's GAN mode), or train without a discriminator (supervised)");
        var generatorModes = generator.Terms.Select(t => t.Term).OfType<AdversarialLoss>().Select(a => a.Gan.Mode).Distinct().ToList();
        var discriminatorModes = discriminator.Terms.Select(t => t.Term).OfType<DiscriminatorLoss>().Select(d => d.Gan.Mode).Distinct().ToList();
        var modes = generatorModes.Concat(discriminatorModes).Distinct().ToList();
        if (modes.Count > 1)
            throw new LossConfigurationException(
                $"the generator's adversarial term uses {string.Join(" and ", generatorModes)} but the discriminator's loss uses {string.Join(" and ", discriminatorModes)}: " +
                $"use one GAN mode on both sides, e.g. new AdversarialLoss(GanMode.{discriminatorModes.FirstOrDefault()}) with Loss.Discriminator(GanMode.{discriminatorModes.FirstOrDefault()})");
    }

    /// <summary>
    /// <paramref name="loss"/> with its adversarial terms' weights multiplied by <paramref name="factor"/>
    /// in [0, 1] (a linear warm-up of the adversarial weight); the expression itself when the factor is 1.
    /// A weight of 0 costs no discriminator pass.
    /// </summary>
    public static LossExpression Ramp(LossExpression loss, double factor)
    {
        if (factor >= 1) return loss;
        return loss.Select(t => IsAdversarial(t) ? t with { Weight = t.Weight * factor } : t);
    }
}
