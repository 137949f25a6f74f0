namespace SegGanLab.Scripting;

/// <summary>
/// A cell's failure as Jupyter's <c>error</c> message carries it.
/// </summary>
/// <param name="Name">The error's name: <c>CompilationError</c>, <c>Interrupted</c>, or the exception type's name.</param>
/// <param name="Message">One line: the first diagnostic, or the exception's message.</param>
/// <param name="Traceback">Every diagnostic as <c>In[3](2,5): error CS0103: ...</c>, or the exception with the script's frames.</param>
/// <param name="Exception">The exception thrown by the script, if it got to run.</param>
public sealed record ScriptError(string Name, string Message, IReadOnlyList<string> Traceback, Exception? Exception)
{
    /// <summary>True when the cell stopped because it was interrupted.</summary>
    public bool Interrupted => Name == InterruptedName;

    internal const string InterruptedName = "Interrupted";
    internal const string CompilationErrorName = "CompilationError";
}
