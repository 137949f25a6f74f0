namespace SegGanLab.Losses;

/// <summary>
/// A loss expression does not fit the training set-up: a term needs an input the recipe does not
/// provide, works only in a mode the model does not have, or is configured inconsistently (class
/// weights for another class count, a missing weights file). Every problem is listed in the message.
/// </summary>
public sealed class LossConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception from one or more problems.</summary>
    public LossConfigurationException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : "The loss does not fit the training set-up:\n  " + string.Join("\n  ", problems)) =>
        Problems = problems;

    /// <summary>Creates the exception from one problem.</summary>
    public LossConfigurationException(string problem) : this([problem]) { }

    /// <summary>Each problem, one sentence each, naming the term.</summary>
    public IReadOnlyList<string> Problems { get; }
}

/// <summary>
/// A tensor given to a loss or metric does not fit: mismatched prediction and target shapes, the
/// wrong number of classes, label values outside [0, C) other than the ignore index. The message
/// names the shapes and values at fault and how to fix them.
/// </summary>
public sealed class LossInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public LossInputException(string message) : base(message) { }
}
