using SegGanLab.Scripting;
using SegGanLab.Training;

namespace SegGanLab.Cli;

/// <summary>How <c>seggan run</c> shows training progress.</summary>
internal enum ProgressMode
{
    /// <summary>A live display when stderr is a terminal, plain lines otherwise.</summary>
    Auto,

    /// <summary>Always the live display.</summary>
    Live,

    /// <summary>Always plain lines.</summary>
    Plain,

    /// <summary>No progress output.</summary>
    None,
}

/// <summary>
/// The progress callback factory the CLI installs as <c>ExperimentHost.ProgressFactory</c>: one
/// display per training run, on stderr (as tqdm and git show progress, so stdout keeps the
/// script's own output and the <c>--json</c> line). Disposing closes a live display that a failed
/// run left open.
/// </summary>
internal sealed class ProgressDisplays(ProgressMode mode, long every, ScriptConsole scriptOutput) : IDisposable
{
    readonly List<LiveProgress> _live = [];

    /// <summary>True when this terminal gets the live display.</summary>
    public bool IsLive => mode == ProgressMode.Live
        || (mode == ProgressMode.Auto && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb");

    /// <summary>A display for a new run, or null with <see cref="ProgressMode.None"/>.</summary>
    public Callback? Create()
    {
        if (mode == ProgressMode.None) return null;
        if (!IsLive) return new PlainProgress(ConsoleCapture.OriginalError, every);
        var live = new LiveProgress(TerminalOutput.CreateConsole(ConsoleCapture.OriginalError), scriptOutput);
        lock (_live) _live.Add(live);
        return live;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_live)
            foreach (var live in _live) live.Dispose();
    }
}
