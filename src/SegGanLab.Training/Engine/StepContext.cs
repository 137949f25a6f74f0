using SegGanLab.Losses;

namespace SegGanLab.Training;

/// <summary>
/// What a recipe's <see cref="Recipe.Step"/> reports to the trainer: its loss terms (checked for
/// NaN and infinity before they are used) and its discriminator and generator updates (so
/// callbacks see them as events).
/// </summary>
public sealed class StepContext
{
    readonly Trainer.EventSink _events;
    readonly Dictionary<string, double> _losses = new(StringComparer.Ordinal);

    internal StepContext(long step, CancellationToken cancellation, Trainer.EventSink events) =>
        (Step, Cancellation, _events) = (step, cancellation, events);

    /// <summary>The step being run (1-based).</summary>
    public long Step { get; }

    /// <summary>Cancelled when the user interrupts; the trainer stops at the next step boundary.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The loss terms reported so far in this step, by <c>side/term</c> name.</summary>
    public IReadOnlyDictionary<string, double> Losses => _losses;

    /// <summary>
    /// Records a side's weighted terms and total (<c>G/ce</c>, ..., <c>G/total</c>). Call it before the
    /// backward pass: a NaN or infinite term throws <see cref="NonFiniteLossException"/> here, so no
    /// update uses it. When a side runs several times in a step (n_critic), the last values are kept.
    /// </summary>
    public void Report(string side, LossResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var (name, value) in result.ToLog(side)) Report(name, value);
    }

    /// <summary>Records one named value (<c>D/accuracy</c>, <c>G/semi_pixels</c>, ...), with the same finiteness check.</summary>
    public void Report(string name, double value)
    {
        if (!double.IsFinite(value)) throw new NonFiniteLossException(name, value, Step);
        _losses[name] = value;
    }

    /// <summary>Runs a discriminator update between its two events.</summary>
    public void DiscriminatorStep(Action update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _events.Raise((c, p) => c.OnDiscriminatorStepStart(p));
        update();
        _events.Raise((c, p) => c.OnDiscriminatorStepEnd(p));
    }

    /// <summary>Runs the generator (or segmenter) update between its two events.</summary>
    public void GeneratorStep(Action update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _events.Raise((c, p) => c.OnGeneratorStepStart(p));
        update();
        _events.Raise((c, p) => c.OnGeneratorStepEnd(p));
    }
}
