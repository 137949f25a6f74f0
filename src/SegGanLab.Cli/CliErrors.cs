namespace SegGanLab.Cli;

/// <summary>The exit codes of <c>seggan</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The script failed: a compile error, an exception, a diverged training.</summary>
    public const int ScriptError = 1;

    /// <summary>A mistake the user can fix: a bad option, a missing file or folder, an unknown name.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, what shells report).</summary>
    public const int Cancelled = 130;
}

/// <summary>
/// A mistake the user can fix (a missing file, a bad option value, an unknown template): the CLI
/// prints its message as one line, <c>error: ...</c>, and exits with <see cref="ExitCodes.Usage"/>.
/// The message names the file or option and says how to fix it.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Writes the CLI's one-line errors and warnings to stderr.</summary>
internal static class Cli
{
    /// <summary>Prints <c>error: message</c> and returns <see cref="ExitCodes.Usage"/>.</summary>
    public static int Fail(string message)
    {
        Error($"error: {message}");
        return ExitCodes.Usage;
    }

    /// <summary>Writes a line to the process's real stderr (also while a script's console is captured).</summary>
    public static void Error(string line)
    {
        var error = Scripting.ConsoleCapture.OriginalError;
        error.WriteLine(line);
        error.Flush();
    }
}
