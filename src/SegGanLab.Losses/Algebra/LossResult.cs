using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>
/// What <see cref="LossExpression.Evaluate"/> returns: the weighted total to call backward on and
/// every weighted term as a double (what the optimizer saw), in the expression's order.
/// </summary>
public sealed class LossResult : IDisposable
{
    internal LossResult(Tensor total, double totalValue, IReadOnlyDictionary<string, double> terms)
    {
        Total = total;
        TotalValue = totalValue;
        Terms = terms;
    }

    /// <summary>The weighted sum, a scalar tensor with the autograd graph of every term.</summary>
    public Tensor Total { get; }

    /// <summary>The total's value.</summary>
    public double TotalValue { get; }

    /// <summary>Each term's weighted value by name (0 for a weight-0 term); they add up to <see cref="TotalValue"/>.</summary>
    public IReadOnlyDictionary<string, double> Terms { get; }

    /// <summary>
    /// The log record of one side, as docs/run-folder.md names it: <c>G/ce</c>, <c>G/dice</c>, ...,
    /// <c>G/total</c> for <paramref name="side"/> "G".
    /// </summary>
    public IReadOnlyDictionary<string, double> ToLog(string side)
    {
        var log = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in Terms) log[$"{side}/{name}"] = value;
        log[$"{side}/total"] = TotalValue;
        return log;
    }

    /// <summary>Disposes <see cref="Total"/> (call after backward when no dispose scope owns it).</summary>
    public void Dispose() => Total.Dispose();
}
