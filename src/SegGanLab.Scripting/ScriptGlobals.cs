namespace SegGanLab.Scripting;

/// <summary>
/// The members every script sees as bare names: <c>Display(x)</c>, <c>ClearOutput()</c>,
/// <c>Page(x)</c>, <c>Input(prompt)</c>, the <c>Cancellation</c> token and the script's
/// <c>Args</c>. They act on the cell running now (<see cref="CellContext.Current"/>). Hosts may
/// derive from it to add their own.
/// </summary>
public class ScriptGlobals
{
    /// <summary>
    /// The arguments after <c>--</c> on the command line (<c>seggan run x.csx -- --steps 100</c>);
    /// empty in a notebook.
    /// </summary>
    /// <example><code>var steps = Args.Count > 0 ? int.Parse(Args[0]) : 600;</code></example>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Cancelled when the user interrupts the cell (Jupyter's interrupt, Ctrl+C); long loops poll it.</summary>
    /// <example><code>for (var i = 0; i &lt; steps; i++) { Cancellation.ThrowIfCancellationRequested(); Step(); }</code></example>
    public CancellationToken Cancellation => CellContext.Current?.Cancellation ?? CancellationToken.None;

    /// <summary>Shows <paramref name="value"/> now (through <see cref="Formatter"/>) and returns a handle whose <c>Update(x)</c> replaces it in place.</summary>
    public DisplayHandle Display(object? value) => DisplayHandle.Show(value);

    /// <summary>Clears the cell's output; with <paramref name="wait"/>, only when the next output arrives (for animations without flicker).</summary>
    public void ClearOutput(bool wait = false) => Cell.Output.ClearOutput(wait);

    /// <summary>Shows <paramref name="value"/> in the frontend's pager (the help panel), as <c>?</c> does in IPython.</summary>
    public void Page(object? value) => Cell.Output.Page(Formatter.Format(value));

    /// <summary>Asks the user for a line of text (Jupyter's input box; the terminal for <c>seggan run</c>).</summary>
    public string Input(string prompt = "", bool password = false) => Cell.ReadInput(prompt, password);

    static CellContext Cell => CellContext.Current
        ?? throw new InvalidOperationException("This works only while a script cell runs; there is no cell on this thread.");
}
