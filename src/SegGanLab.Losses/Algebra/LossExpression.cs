using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses;

/// <summary>
/// A weighted sum of named loss terms: <c>Loss.Dice + 0.01 * Loss.Adversarial</c>,
/// <c>Loss.CrossEntropy(weights) + Loss.Dice</c>, <c>2 * (Loss.L1 + Loss.Perceptual)</c>. Every
/// <see cref="LossTerm"/> is itself an expression of one term with weight 1; <c>+</c> and scalar
/// <c>*</c> / <c>/</c> build new expressions and never change their operands.
/// </summary>
/// <remarks>
/// Terms keep their names (<c>ce</c>, <c>dice</c>, <c>adv</c>, ...: docs/run-folder.md). The same
/// term added twice adds its weights; two differently configured terms with one name are an error
/// (rename one with <see cref="LossTerm.Named"/>). <see cref="Evaluate"/> returns the total to call
/// backward on and every weighted term as a double, so logs and plots show each term and the terms
/// add up to the total. Disposing an expression frees what its terms loaded (VGG-19 weights).
/// </remarks>
public abstract class LossExpression : IDisposable
{
    private protected LossExpression() { }

    /// <summary>The terms with their weights, in the order they were added.</summary>
    public abstract IReadOnlyList<WeightedTerm> Terms { get; }

    /// <summary>The union of the terms' inputs.</summary>
    public LossInputs Inputs => Terms.Aggregate(LossInputs.None, (a, t) => a | t.Term.Requirements.Inputs);

    /// <summary>The sum of two expressions.</summary>
    public static LossExpression operator +(LossExpression left, LossExpression right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return WeightedSum.Of(left.Terms.Concat(right.Terms));
    }

    /// <summary>The expression with every weight multiplied by <paramref name="weight"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the weight is negative, infinite or NaN.</exception>
    public static LossExpression operator *(double weight, LossExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        WeightedTerm.CheckWeight(weight, expression.ToString());
        return WeightedSum.Of(expression.Terms.Select(t => t with { Weight = t.Weight * weight }));
    }

    /// <summary>The expression with every weight multiplied by <paramref name="weight"/>.</summary>
    public static LossExpression operator *(LossExpression expression, double weight) => weight * expression;

    /// <summary>
    /// The expression with every term replaced by <paramref name="map"/>'s (another weight, another
    /// configuration of the term), in the same order; recipes use it to ramp or re-mode their terms.
    /// </summary>
    public LossExpression Select(Func<WeightedTerm, WeightedTerm> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return WeightedSum.Of(Terms.Select(t =>
        {
            var mapped = map(t);
            WeightedTerm.CheckWeight(mapped.Weight, mapped.Term.ToString());
            return mapped;
        }));
    }

    /// <summary>The expression with every weight divided by <paramref name="divisor"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the divisor is not positive and finite.</exception>
    public static LossExpression operator /(LossExpression expression, double divisor)
    {
        if (!(divisor > 0) || double.IsInfinity(divisor))
            throw new ArgumentOutOfRangeException(nameof(divisor), divisor, $"a loss expression can only be divided by a positive finite number (in {expression})");
        return (1.0 / divisor) * expression;
    }

    /// <summary>
    /// Checks before training that every term gets what it needs from <paramref name="setup"/> and is
    /// configured for it (modes, class-weight counts, weights files).
    /// </summary>
    /// <exception cref="LossConfigurationException">Listing every problem of every term.</exception>
    public void Validate(LossSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var problems = Terms.SelectMany(t => t.Term.Problems(setup)).ToList();
        if (problems.Count > 0) throw new LossConfigurationException(problems);
    }

    /// <summary>
    /// Computes every term on <paramref name="context"/> and returns the weighted total (a scalar
    /// tensor to call <c>backward()</c> on, owned by the caller or the caller's dispose scope) and
    /// each weighted term as a double. Terms with weight 0 are not computed (they report 0), so a
    /// ramped-in adversarial term costs no discriminator pass before it starts; when every weight is
    /// 0 all terms are computed so the total still has a graph.
    /// </summary>
    /// <exception cref="LossConfigurationException">When the context lacks an input a term needs.</exception>
    /// <exception cref="LossInputException">When a tensor does not fit a term (shapes, classes, label values).</exception>
    public LossResult Evaluate(LossContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var terms = Terms;
        var problems = terms.SelectMany(t => t.Term.Missing(context)).ToList();
        if (problems.Count > 0) throw new LossConfigurationException(problems);

        var computeAll = terms.All(t => t.Weight == 0);
        using var scope = NewDisposeScope();
        Tensor? total = null;
        var weighted = new List<Tensor>(terms.Count);
        var computed = new List<int>(terms.Count);
        for (var k = 0; k < terms.Count; k++)
        {
            var (term, weight) = terms[k];
            if (weight == 0 && !computeAll) continue;
            var value = term.Compute(context);
            if (value.numel() != 1)
                throw new InvalidOperationException($"loss term '{term.Name}' returned a tensor of shape [{string.Join(", ", value.shape)}]; a term must return a scalar (reduce it with mean or sum).");
            var contribution = (value * weight).reshape([]);
            total = total is null ? contribution : total + contribution;
            weighted.Add(contribution.detach().to(ScalarType.Float64));
            computed.Add(k);
        }
        // One device-to-host copy for every term and the total.
        weighted.Add(total!.detach().to(ScalarType.Float64));
        var values = stack(weighted).cpu().data<double>();
        var named = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in terms) named[t.Name] = 0;
        for (var j = 0; j < computed.Count; j++) named[terms[computed[j]].Name] = values[j];
        return new LossResult(scope.MoveToOuter(total), values[^1], named);
    }

    /// <summary>
    /// Frees what the terms loaded (the perceptual loss's VGG-19 stack); the expression stays usable
    /// and loads them again on the next evaluation. Tensors a term was given are not touched.
    /// </summary>
    public void Dispose()
    {
        foreach (var t in Terms) t.Term.ReleaseResources();
        GC.SuppressFinalize(this);
    }

    /// <summary>The expression as written, e.g. <c>ce + 0.5 * dice + 0.01 * adv</c>.</summary>
    public override string ToString() => string.Join(" + ", Terms.Select(t => t.ToString()));
}
