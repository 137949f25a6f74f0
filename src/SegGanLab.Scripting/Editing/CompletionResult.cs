namespace SegGanLab.Scripting;

/// <summary>One completion: the text to insert and what it is (class, method, property, local, keyword, ...).</summary>
public sealed record CompletionItem(string Text, string Kind);

/// <summary>
/// Completions at a cursor, replacing the text between <see cref="CursorStart"/> and
/// <see cref="CursorEnd"/> (both in Unicode code points, as Jupyter counts).
/// </summary>
public sealed record CompletionResult(IReadOnlyList<CompletionItem> Items, int CursorStart, int CursorEnd);
