namespace SegGanLab.Plots;

/// <summary>
/// One <c>"kind": "train"</c> line of <c>metrics.jsonl</c>: every loss term by name
/// (<c>G/ce</c>, <c>D/total</c>, ...) and the learning rate of every optimizer.
/// </summary>
/// <param name="Step">The global optimisation step.</param>
/// <param name="Epoch">Fractional epoch (NaN when not given).</param>
/// <param name="Time">Seconds since training started (NaN when not given).</param>
/// <param name="Losses">Weighted loss contributions by <c>&lt;side&gt;/&lt;term&gt;</c> name; NaN for a non-finite loss.</param>
/// <param name="LearningRates">Learning rate by optimizer name (<c>G</c>, <c>D</c>).</param>
public sealed record TrainRecord(
    long Step,
    double Epoch,
    double Time,
    IReadOnlyDictionary<string, double> Losses,
    IReadOnlyDictionary<string, double> LearningRates);
