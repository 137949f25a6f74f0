namespace SegGanLab.Scripting;

/// <summary>
/// The host for scripts run from a terminal (<c>seggan run x.csx</c>): stream text goes to the
/// process's own stdout/stderr, displays print their <c>text/plain</c> (an update prints the new
/// text again), and input reads a line from the terminal.
/// </summary>
public sealed class ConsoleScriptOutput : IScriptOutput
{
    readonly TextWriter _out;
    readonly TextWriter _error;
    readonly TextReader _in;
    readonly Lock _gate = new();

    /// <summary>Writes to the process's real console (as it was before <see cref="ConsoleCapture"/> redirected it).</summary>
    public ConsoleScriptOutput() : this(ConsoleCapture.OriginalOut, ConsoleCapture.OriginalError, ConsoleCapture.OriginalIn) { }

    /// <summary>Writes to the given writers and reads input from <paramref name="input"/>.</summary>
    public ConsoleScriptOutput(TextWriter output, TextWriter error, TextReader input)
    {
        _out = output ?? throw new ArgumentNullException(nameof(output));
        _error = error ?? throw new ArgumentNullException(nameof(error));
        _in = input ?? throw new ArgumentNullException(nameof(input));
    }

    /// <inheritdoc/>
    public void Write(ConsoleStream stream, string text)
    {
        lock (_gate) (stream == ConsoleStream.Error ? _error : _out).Write(text);
    }

    /// <inheritdoc/>
    public void Display(MimeBundle bundle, string displayId, bool update)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        lock (_gate) _out.WriteLine(bundle.PlainText);
    }

    /// <inheritdoc/>
    public void ClearOutput(bool wait) { }

    /// <inheritdoc/>
    public void Page(MimeBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        lock (_gate) _out.WriteLine(bundle.PlainText);
    }

    /// <inheritdoc/>
    public string? ReadInput(string prompt, bool password, CancellationToken cancellation)
    {
        lock (_gate)
        {
            _out.Write(prompt);
            _out.Flush();
        }
        return _in.ReadLine();
    }

    /// <inheritdoc/>
    public void Flush()
    {
        lock (_gate)
        {
            _out.Flush();
            _error.Flush();
        }
    }
}
