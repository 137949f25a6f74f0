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

    Microsoft.CodeAnalysis.Compilation Compile(string code)
    {
        // Completion may arrive before warm-up is done; the session's first state comes from it.
        if (_state is null) _warmUp.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        var previous = _state?.Script ?? Microsoft.CodeAnalysis.CSharp.Scripting.CSharpScript.Create("", Options("init"), _globals.GetType());
        return previous.ContinueWith(code, Options("editor")).GetCompilation();
    }

    object? VariableValue(string name) => _state?.Variables.LastOrDefault(v => v.Name == name)?.Value;
}
