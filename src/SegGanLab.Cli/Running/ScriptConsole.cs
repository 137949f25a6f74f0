using System.Text;
using SegGanLab.Scripting;
using Spectre.Console;

namespace SegGanLab.Cli;

/// <summary>
/// Where a script run by <c>seggan run</c> writes: the process's real stdout and stderr (through
/// <see cref="ConsoleScriptOutput"/>). While a live progress display is on the terminal
/// (<see cref="Attach"/>), text for a stream that is that terminal is collected into whole lines
/// and printed above the display instead, so neither garbles the other.
/// </summary>
internal sealed class ScriptConsole : IScriptOutput
{
    readonly ConsoleScriptOutput _console = new();
    readonly bool _outIsTerminal = !Console.IsOutputRedirected;
    readonly bool _errorIsTerminal = !Console.IsErrorRedirected;
    readonly StringBuilder _pendingOut = new(), _pendingError = new();
    readonly Lock _gate = new();
    IAnsiConsole? _live;

    /// <summary>Routes terminal text above the live display on <paramref name="live"/> until <see cref="Detach"/>.</summary>
    public void Attach(IAnsiConsole live)
    {
        lock (_gate) _live = live;
    }

    /// <summary>Ends the routing; text still waiting for its line end is written as it is.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _live = null;
            if (_pendingOut.Length > 0) _console.Write(ConsoleStream.Out, _pendingOut.ToString());
            if (_pendingError.Length > 0) _console.Write(ConsoleStream.Error, _pendingError.ToString());
            _pendingOut.Clear();
            _pendingError.Clear();
        }
    }

    /// <inheritdoc/>
    public void Write(ConsoleStream stream, string text)
    {
        var error = stream == ConsoleStream.Error;
        lock (_gate)
        {
            if (_live is null || !(error ? _errorIsTerminal : _outIsTerminal))
            {
                _console.Write(stream, text);
                return;
            }
            var pending = error ? _pendingError : _pendingOut;
            pending.Append(text);
            var end = pending.ToString().LastIndexOf('\n');
            if (end < 0) return;
            _live.Write(new Text(pending.ToString(0, end + 1)));
            pending.Remove(0, end + 1);
        }
    }

    /// <inheritdoc/>
    public void Display(MimeBundle bundle, string displayId, bool update)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        Write(ConsoleStream.Out, bundle.PlainText + "\n");
    }

    /// <inheritdoc/>
    public void ClearOutput(bool wait) => _console.ClearOutput(wait);

    /// <inheritdoc/>
    public void Page(MimeBundle bundle) => Display(bundle, "", update: false);

    /// <inheritdoc/>
    public string? ReadInput(string prompt, bool password, CancellationToken cancellation) => _console.ReadInput(prompt, password, cancellation);

    /// <inheritdoc/>
    public void Flush() => _console.Flush();
}
