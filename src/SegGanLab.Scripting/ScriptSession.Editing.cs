namespace SegGanLab.Scripting;

public sealed partial class ScriptSession
{
    /// <summary>
    /// Completions at <paramref name="cursorPosition"/> (in Unicode code points) in <paramref name="code"/>,
    /// compiled as the next cell so earlier cells' variables and methods are known.
    /// </summary>
    public CompletionResult Complete(string code, int cursorPosition)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ScriptCompletion.Complete(Compile(code), code, CodePoints.ToUtf16(code, cursorPosition));
    }

    /// <summary>
    /// The signature and documentation of the symbol at <paramref name="cursorPosition"/> (code points),
    /// with parameters, return value and exceptions when <paramref name="details"/>; null when there is no symbol there.
    /// </summary>
    public MimeBundle? Inspect(string code, int cursorPosition, bool details = false)
    {
        ArgumentNullException.ThrowIfNull(code);
        var text = ScriptInspection.Inspect(Compile(code), CodePoints.ToUtf16(code, cursorPosition), details, VariableValue);
        return text is null ? null : MimeBundle.Text(text);
    }

    /// <summary>Whether <paramref name="code"/> is a whole submission (see <see cref="Completeness.Of"/>).</summary>
    public static Completeness IsComplete(string code) => Completeness.Of(code);

    // The code as the next cell would be compiled, against the variables and methods of the cells so far.
    Microsoft.CodeAnalysis.Compilation Compile(string code) => _chain.Value.Compilation(code, "editor");

    object? VariableValue(string name) => Variables.LastOrDefault(v => v.Name == name).Value;
}
