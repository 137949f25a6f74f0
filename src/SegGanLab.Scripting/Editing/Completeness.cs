using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SegGanLab.Scripting;

/// <summary>Whether a cell's text is ready to run (Jupyter's is_complete_request, used by consoles to decide Enter).</summary>
public enum CompletenessStatus
{
    /// <summary>A whole submission: run it.</summary>
    Complete,
    /// <summary>More is to come (an open brace, string or statement): insert a newline.</summary>
    Incomplete,
    /// <summary>Complete but it can never compile: run it to see the error.</summary>
    Invalid,
}

/// <summary>The answer to "is this code complete?", with the indent for the next line when it is not.</summary>
/// <param name="Status">Complete, incomplete or invalid.</param>
/// <param name="Indent">Spaces for the next line (four per open brace) when incomplete; empty otherwise.</param>
public sealed record Completeness(CompletenessStatus Status, string Indent)
{
    /// <summary>Classifies <paramref name="code"/> as script code (Roslyn's <c>SyntaxFactory.IsCompleteSubmission</c>, then its parse errors).</summary>
    public static Completeness Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var tree = SyntaxFactory.ParseSyntaxTree(code, ScriptParsing.Options);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            var depth = 0;
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (token.IsMissing) continue;
                if (token.IsKind(SyntaxKind.OpenBraceToken)) depth++;
                else if (token.IsKind(SyntaxKind.CloseBraceToken)) depth = Math.Max(0, depth - 1);
            }
            return new(CompletenessStatus.Incomplete, new string(' ', 4 * depth));
        }
        var invalid = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new(invalid ? CompletenessStatus.Invalid : CompletenessStatus.Complete, "");
    }
}
