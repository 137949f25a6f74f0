namespace SegGanLab.Plots;

/// <summary>
/// A run folder is missing, or one of its files does not follow <c>docs/run-folder.md</c>; the
/// message names the file (and line) and what was expected.
/// </summary>
public sealed class RunFolderException : Exception
{
    /// <summary>A run-folder error with its message.</summary>
    public RunFolderException(string message) : base(message) { }

    /// <summary>A run-folder error caused by another (a JSON or I/O error).</summary>
    public RunFolderException(string message, Exception inner) : base(message, inner) { }
}
