namespace SegGanLab.Experiments;

/// <summary>
/// A run folder (or checkpoint) cannot give what was asked of it: no options.json, no checkpoint, a
/// model or dataset options.json cannot rebuild. The message names the file and what to do.
/// </summary>
public sealed class SavedExperimentException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public SavedExperimentException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}.", inner) => FilePath = path;

    /// <summary>The run folder or file at fault.</summary>
    public string FilePath { get; }
}
