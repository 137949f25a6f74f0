namespace SegGanLab.Experiments;

/// <summary>
/// <c>Summary()</c>'s walk of one batch through the models and losses failed: the message names the
/// stage (the first step's forward pass, the discriminator update, the segmenter update, the
/// evaluation), the batch's shapes and the shape a model refused, then the underlying error.
/// </summary>
public sealed class ExperimentDryRunException : Exception
{
    /// <summary>Creates the exception for <paramref name="stage"/>.</summary>
    public ExperimentDryRunException(string stage, string shapes, Exception inner)
        : base($"Summary failed at {stage} ({shapes}): {inner.Message}", inner) => (Stage, Shapes) = (stage, shapes);

    /// <summary>The stage that failed.</summary>
    public string Stage { get; }

    /// <summary>The batch's shapes and any shape a model refused.</summary>
    public string Shapes { get; }
}
