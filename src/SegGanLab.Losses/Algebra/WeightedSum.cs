namespace SegGanLab.Losses;

/// <summary>The expression behind <c>+</c> and <c>*</c>: terms merged by name.</summary>
internal sealed class WeightedSum : LossExpression
{
    readonly WeightedTerm[] _terms;

    WeightedSum(WeightedTerm[] terms) => _terms = terms;

    public override IReadOnlyList<WeightedTerm> Terms => _terms;

    /// <summary>Merges terms by name: the same term adds its weights; different terms with one name are an error.</summary>
    public static WeightedSum Of(IEnumerable<WeightedTerm> terms)
    {
        var merged = new List<WeightedTerm>();
        foreach (var t in terms)
        {
            var k = merged.FindIndex(m => m.Name == t.Name);
            if (k < 0) { merged.Add(t); continue; }
            if (!merged[k].Term.SameAs(t.Term))
                throw new LossConfigurationException(
                    $"two different loss terms are both named '{t.Name}' ({merged[k].Term.Describe()} and {t.Term.Describe()}); " +
                    $"give one another name with .Named(\"{t.Name}_2\") so logs can tell them apart");
            merged[k] = merged[k] with { Weight = merged[k].Weight + t.Weight };
        }
        return new WeightedSum(merged.ToArray());
    }
}
