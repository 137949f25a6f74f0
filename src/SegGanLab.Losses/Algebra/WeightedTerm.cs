using System.Globalization;

namespace SegGanLab.Losses;

/// <summary>One term of a <see cref="LossExpression"/> with its weight.</summary>
/// <param name="Term">The loss term.</param>
/// <param name="Weight">Its non-negative, finite weight.</param>
public readonly record struct WeightedTerm(LossTerm Term, double Weight)
{
    /// <summary>The term's name (<c>dice</c>, <c>adv</c>, ...).</summary>
    public string Name => Term.Name;

    /// <summary><c>0.01 * adv</c>, or just <c>adv</c> for weight 1.</summary>
    public override string ToString() =>
        Weight == 1 ? Term.Name : string.Create(CultureInfo.InvariantCulture, $"{Weight:G6} * {Term.Name}");

    internal static void CheckWeight(double weight, string what)
    {
        if (!(weight >= 0) || double.IsInfinity(weight))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"loss weights must be finite and non-negative; got {weight.ToString(CultureInfo.InvariantCulture)} for {what}");
    }
}
