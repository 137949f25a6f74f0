namespace SegGanLab.Training;

/// <summary>
/// Thrown by a callback to end training early (early stopping, a time budget, a target metric
/// reached). The trainer catches it at the step boundary, writes the last checkpoint and returns
/// normally with <see cref="Reason"/> as the stop reason: it is a decision, not a failure.
/// </summary>
public sealed class StopTrainingException : Exception
{
    /// <summary>Stops training for <paramref name="reason"/> (shown in logs and the result).</summary>
    public StopTrainingException(string reason) : base(reason) => Reason = reason;

    /// <summary>Why training stopped.</summary>
    public string Reason { get; }
}

/// <summary>
/// A loss term became NaN or infinite. Training stops before the update that would have used it;
/// the last good state is saved as the <c>last</c> checkpoint first.
/// </summary>
public sealed class NonFiniteLossException : Exception
{
    /// <summary>Creates the exception for <paramref name="term"/> at <paramref name="step"/>.</summary>
    public NonFiniteLossException(string term, double value, long step, string? checkpoint = null)
        : base($"Loss term '{term}' is {value} at step {step}; training stopped before that update." +
               (checkpoint is null ? "" : $" The last good state is saved in {checkpoint}.") +
               " Try a lower learning rate, gradient-friendly loss settings (e.g. Dice smooth > 0), or check the data for NaNs.")
        => (Term, Value, Step, CheckpointPath) = (term, value, step, checkpoint);

    /// <summary>The loss term's name (<c>G/dice</c>, <c>D/gp</c>, ...).</summary>
    public string Term { get; }

    /// <summary>The non-finite value.</summary>
    public double Value { get; }

    /// <summary>The step whose update was refused.</summary>
    public long Step { get; }

    /// <summary>The checkpoint holding the last good state, when one was written.</summary>
    public string? CheckpointPath { get; }

    /// <summary>The same error, now naming the checkpoint that holds the last good state.</summary>
    internal NonFiniteLossException WithCheckpoint(string path) => new(Term, Value, Step, path);
}
