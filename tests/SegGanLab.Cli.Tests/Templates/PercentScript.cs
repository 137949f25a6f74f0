namespace SegGanLab.Cli.Tests;

/// <summary>One notebook cell as a template script describes it.</summary>
/// <param name="Kind"><c>markdown</c> or <c>code</c>.</param>
/// <param name="Source">The cell's text, lines joined with <c>\n</c>, no trailing newline.</param>
internal sealed record TemplateCell(string Kind, string Source);

/// <summary>
/// The mapping between a template's <c>.csx</c> and its <c>.ipynb</c> (templates/README.md;
/// scripts/csx_notebook.py writes the notebooks): jupytext's percent format for C#. The lines before
/// the first <c>// %%</c> are the header, a markdown cell; <c>// %% [markdown]</c> starts a markdown
/// cell of comment lines (their <c>//</c> and one space removed); <c>// %%</c> starts a code cell,
/// verbatim. Blank lines around a cell are dropped.
/// </summary>
internal static class PercentScript
{
    const string Code = "// %%", Markdown = "// %% [markdown]";

    /// <summary>The cells of the script at <paramref name="path"/>.</summary>
    public static IReadOnlyList<TemplateCell> Cells(string path)
    {
        var cells = new List<TemplateCell>();
        var (kind, body) = ("markdown", new List<string>());
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Trim() is Code or Markdown)
            {
                Close(cells, kind, body, path);
                (kind, body) = (line.Trim() == Markdown ? "markdown" : "code", []);
            }
            else body.Add(line);
        }
        Close(cells, kind, body, path);
        return cells;
    }

    static void Close(List<TemplateCell> cells, string kind, List<string> body, string path)
    {
        var lines = body.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse().ToList();
        if (lines.Count == 0) return;
        if (kind == "markdown") lines = lines.Select(l => Uncomment(l, path)).ToList();
        cells.Add(new TemplateCell(kind, string.Join("\n", lines)));
    }

    static string Uncomment(string line, string path)
    {
        var text = line.Trim();
        if (text.Length == 0) return "";
        if (!text.StartsWith("//", StringComparison.Ordinal))
            throw new FormatException($"{path}: a markdown cell holds only // comment lines, got '{line}'.");
        text = text[2..];
        return text.StartsWith(' ') ? text[1..] : text;
    }
}
