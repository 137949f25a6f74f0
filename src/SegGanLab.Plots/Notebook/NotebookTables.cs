using System.Globalization;
using System.Text;

namespace SegGanLab.Plots;

/// <summary>
/// Evaluation records as notebook tables: an HTML fragment (no page style: the frontend's own
/// table style applies, so it reads well in JupyterLab, VS Code and nbconvert's HTML) and an
/// aligned plain-text table for frontends and logs without HTML. Fractions show as percentages,
/// PSNR in dB, undefined values as <c>n/a</c>.
/// </summary>
public static class NotebookTables
{
    static readonly string[] ScoreHeaders = ["IoU", "Acc", "Dice", "Precision", "Recall"];

    /// <summary>An evaluation: a line with its step and split, its summary metrics, and its per-class table when it has one.</summary>
    public static string EvaluationHtml(EvalRecord eval, RunClasses? classes = null)
    {
        ArgumentNullException.ThrowIfNull(eval);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p><b>Evaluation at step {ReportFormat.Step(eval.Step)}</b> ({HtmlDocument.Escape(eval.Split)})</p>\n");
        html.Append(Table(eval.Metrics.Keys.ToList(), [([], eval.Metrics.Select(m => ReportFormat.Metric(m.Key, m.Value)).ToList())]));
        if (eval.PerClass.Count > 0) html.Append('\n').Append(PerClassHtml(eval.PerClass, classes));
        return html.ToString();
    }

    /// <summary>A per-class table: one row per class (with its palette colour when <paramref name="classes"/> is given) and IoU, accuracy, Dice, precision, recall.</summary>
    public static string PerClassHtml(IReadOnlyList<ClassScores> rows, RunClasses? classes = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Table(["class", .. ScoreHeaders], rows.Select((c, i) =>
        {
            var index = classes?.Names.ToList().IndexOf(c.Name) is int k and >= 0 ? k : i;
            var swatch = $"<span style=\"display:inline-block;width:0.8em;height:0.8em;margin-right:0.4em;vertical-align:middle;background:{ChartStyle.Css(classes?.ColorOf(index) ?? ChartStyle.Category(index))}\"></span>";
            return ((IReadOnlyList<string>)[swatch + HtmlDocument.Escape(c.Name)], (IReadOnlyList<string>)Scores(c));
        }));
    }

    /// <summary>The plain-text form of <see cref="EvaluationHtml"/>: the summary line and the per-class rows, aligned.</summary>
    public static string EvaluationText(EvalRecord eval)
    {
        ArgumentNullException.ThrowIfNull(eval);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Evaluation at step {ReportFormat.Step(eval.Step)} ({eval.Split}): ");
        text.AppendJoin("  ", eval.Metrics.Select(m => $"{m.Key} {ReportFormat.Metric(m.Key, m.Value)}"));
        if (eval.PerClass.Count > 0) text.Append('\n').Append(PerClassText(eval.PerClass));
        return text.ToString();
    }

    /// <summary>The plain-text form of <see cref="PerClassHtml"/>.</summary>
    public static string PerClassText(IReadOnlyList<ClassScores> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var nameWidth = rows.Select(r => r.Name.Length).Append("class".Length).Max();
        var text = new StringBuilder("class".PadRight(nameWidth));
        foreach (var h in ScoreHeaders) text.Append("  ").Append(h.PadLeft(9));
        foreach (var row in rows)
        {
            text.Append('\n').Append(row.Name.PadRight(nameWidth));
            foreach (var v in Scores(row)) text.Append("  ").Append(v.PadLeft(9));
        }
        return text.ToString();
    }

    static string[] Scores(ClassScores c) =>
        [ChartStyle.Percent(c.Iou), ChartStyle.Percent(c.Acc), ChartStyle.Percent(c.Dice), ChartStyle.Percent(c.Precision), ChartStyle.Percent(c.Recall)];

    // Leading cells are trusted HTML (left-aligned); the numbers after them are escaped and right-aligned.
    static string Table(IReadOnlyList<string> headers, IEnumerable<(IReadOnlyList<string> Html, IReadOnlyList<string> Numbers)> rows)
    {
        var html = new StringBuilder("<table><thead><tr>");
        var materialised = rows.ToList();
        var leading = materialised.Count > 0 ? materialised[0].Html.Count : 0;
        for (var i = 0; i < headers.Count; i++)
            html.Append(i < leading ? "<th style=\"text-align:left\">" : "<th style=\"text-align:right\">").Append(HtmlDocument.Escape(headers[i])).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (cells, numbers) in materialised)
        {
            html.Append("<tr>");
            foreach (var c in cells) html.Append("<td style=\"text-align:left\">").Append(c).Append("</td>");
            foreach (var n in numbers) html.Append("<td style=\"text-align:right\">").Append(HtmlDocument.Escape(n)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
