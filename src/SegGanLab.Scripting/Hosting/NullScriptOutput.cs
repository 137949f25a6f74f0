namespace SegGanLab.Scripting;

/// <summary>Discards all output: for silent executions and warm-up.</summary>
public sealed class NullScriptOutput : IScriptOutput
{
    /// <summary>The shared instance.</summary>
    public static NullScriptOutput Instance { get; } = new();

    NullScriptOutput() { }

    /// <inheritdoc/>
    public void Write(ConsoleStream stream, string text) { }
    /// <inheritdoc/>
    public void Display(MimeBundle bundle, string displayId, bool update) { }
    /// <inheritdoc/>
    public void ClearOutput(bool wait) { }
    /// <inheritdoc/>
    public void Page(MimeBundle bundle) { }
    /// <inheritdoc/>
    public string? ReadInput(string prompt, bool password, CancellationToken cancellation) => null;
    /// <inheritdoc/>
    public void Flush() { }
}
