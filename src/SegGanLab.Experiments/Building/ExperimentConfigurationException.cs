namespace SegGanLab.Experiments;

/// <summary>One thing wrong with an experiment's set-up: the verb at fault and what to do about it.</summary>
/// <param name="Verb">The verb (or part) at fault: <c>Data</c>, <c>Segmenter</c>, <c>Discriminator</c>, <c>Loss</c>, <c>Steps</c>, ...</param>
/// <param name="Message">What is wrong and the fix.</param>
public sealed record ExperimentProblem(string Verb, string Message)
{
    /// <summary><c>Verb: message</c>.</summary>
    public override string ToString() => $"{Verb}: {Message}";
}

/// <summary>
/// An experiment cannot run as set up. Thrown before any training step by <c>Run()</c>,
/// <c>Summary()</c>, <c>Resume()</c>, <c>Evaluate()</c> and <c>Predict()</c>, listing every problem
/// found (not just the first), each with its fix.
/// </summary>
public sealed class ExperimentConfigurationException : Exception
{
    /// <summary>Creates the exception for the experiment <paramref name="experiment"/> from its <paramref name="problems"/>.</summary>
    public ExperimentConfigurationException(string experiment, IReadOnlyList<ExperimentProblem> problems)
        : base($"The experiment {experiment} cannot run ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  " + string.Join("\n  ", problems)) =>
        Problems = problems;

    /// <summary>Every problem, in the order found.</summary>
    public IReadOnlyList<ExperimentProblem> Problems { get; }
}

/// <summary>Collects problems while an experiment is checked and built.</summary>
internal sealed class ProblemList
{
    readonly List<ExperimentProblem> _problems = [];

    public int Count => _problems.Count;

    public void Add(string verb, string message) => _problems.Add(new ExperimentProblem(verb, message));

    /// <summary>Runs <paramref name="action"/>, recording a typed error it throws as a problem of <paramref name="verb"/>; false when it threw.</summary>
    public bool Try(string verb, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or NotSupportedException)
        {
            Add(verb, e.Message);
            return false;
        }
    }

    /// <summary>Throws the collected problems, if any.</summary>
    public void ThrowIfAny(string experiment)
    {
        if (_problems.Count > 0) throw new ExperimentConfigurationException(experiment, [.. _problems]);
    }
}
