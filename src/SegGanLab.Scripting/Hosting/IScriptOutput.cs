namespace SegGanLab.Scripting;

/// <summary>Which console stream a script wrote to.</summary>
public enum ConsoleStream
{
    /// <summary><c>Console.Out</c>.</summary>
    Out,
    /// <summary><c>Console.Error</c>.</summary>
    Error,
}

/// <summary>
/// Where a running script's output goes; the host implements it. The notebook kernel turns each
/// call into an iopub message (stream, display_data, update_display_data, clear_output, a page
/// payload, an input_request); <see cref="ConsoleScriptOutput"/> prints text for <c>seggan run</c>.
/// Implementations must be thread-safe: scripts may write from tasks they start, and display
/// handles may be updated from any thread.
/// </summary>
public interface IScriptOutput
{
    /// <summary>Text the script wrote to <paramref name="stream"/> (not necessarily whole lines).</summary>
    void Write(ConsoleStream stream, string text);

    /// <summary>Shows <paramref name="bundle"/> as display <paramref name="displayId"/>, or replaces that display when <paramref name="update"/>.</summary>
    void Display(MimeBundle bundle, string displayId, bool update);

    /// <summary>Clears the cell's output; with <paramref name="wait"/>, only once new output arrives (no flicker).</summary>
    void ClearOutput(bool wait);

    /// <summary>Shows <paramref name="bundle"/> in the frontend's pager (Jupyter's "page" payload), or prints it.</summary>
    void Page(MimeBundle bundle);

    /// <summary>Asks the user for one line of input; null when this host has no input to offer.</summary>
    /// <param name="prompt">The text shown before the input box.</param>
    /// <param name="password">Hide what is typed.</param>
    /// <param name="cancellation">Cancelled when the cell is interrupted.</param>
    string? ReadInput(string prompt, bool password, CancellationToken cancellation);

    /// <summary>Sends buffered stream text now (called before the cell's reply).</summary>
    void Flush();
}
