using System.Net;
using System.Text;

namespace SegGanLab.Plots;

/// <summary>
/// Builds one self-contained HTML page: the report style and plotly.js inline, sections of text,
/// tables and figures. Each figure's JSON sits in a <c>&lt;script type="application/json"
/// class="sg-figure"&gt;</c> beside its <c>&lt;div&gt;</c> (so tools can read the figures back); one
/// script at the end draws them all and sets <c>body[data-plots-rendered]</c> when done.
/// </summary>
sealed class HtmlDocument
{
    readonly StringBuilder _body = new();
    int _figures;

    /// <summary>The number of figures added.</summary>
    public int FigureCount => _figures;

    /// <summary>HTML-escapes text.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Adds raw HTML (the caller escapes what it puts in).</summary>
    public HtmlDocument Raw(string html)
    {
        _body.Append(html).Append('\n');
        return this;
    }

    /// <summary>Opens a section with a heading.</summary>
    public HtmlDocument BeginSection(string heading, string? id = null) =>
        Raw($"<section{(id is null ? "" : $" id=\"{Escape(id)}\"")}><h2>{Escape(heading)}</h2>");

    /// <summary>Closes the open section.</summary>
    public HtmlDocument EndSection() => Raw("</section>");

    /// <summary>A muted note paragraph.</summary>
    public HtmlDocument Note(string text) => Raw($"<p class=\"note\">{Escape(text)}</p>");

    /// <summary>A table; cells are escaped unless given as <see cref="HtmlCell"/> with HTML.</summary>
    public HtmlDocument Table(IReadOnlyList<string> headers, IEnumerable<(IReadOnlyList<HtmlCell> Cells, string? RowClass)> rows)
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var h in headers) html.Append(h.StartsWith('#') ? $"<th class=\"num\">{Escape(h[1..])}</th>" : $"<th>{Escape(h)}</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var (cells, rowClass) in rows)
        {
            html.Append(rowClass is null ? "<tr>" : $"<tr class=\"{Escape(rowClass)}\">");
            foreach (var c in cells) html.Append(c.Numeric ? "<td class=\"num\">" : "<td>").Append(c.Html).Append("</td>");
            html.Append("</tr>\n");
        }
        return Raw(html.Append("</tbody></table>").ToString());
    }

    /// <summary>A plotly figure drawn in a full-width <c>div</c>.</summary>
    public HtmlDocument Figure(Figure figure)
    {
        var id = $"sg-figure-{++_figures}";
        var height = figure.Layout.Height ?? 450;
        Raw($"<div class=\"plot\" id=\"{id}\" style=\"min-height:{height:0}px\"></div>");
        return Raw($"<script type=\"application/json\" class=\"sg-figure\" data-target=\"{id}\">{PlotlyJson.ForScriptElement(figure.ToJson())}</script>");
    }

    /// <summary>The finished page.</summary>
    public string Render(string title)
    {
        var page = new StringBuilder(PlotlyJs.Source.Length + _body.Length + 8192);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"SegGanLab.Plots\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n")
            .Append("<style>\n").Append(Style.Value).Append("</style>\n")
            .Append("<script>/* plotly.js ").Append(PlotlyJs.Version).Append(", embedded so this page works offline */\n")
            .Append(PlotlyJs.ForScriptElement()).Append("\n</script>\n</head>\n<body>\n<main>\n")
            .Append(_body)
            .Append("</main>\n<script>\n").Append(RenderScript).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    const string RenderScript = """
        (function () {
          var drawn = Array.prototype.map.call(document.querySelectorAll('script.sg-figure'), function (block) {
            var figure = JSON.parse(block.textContent);
            return Plotly.newPlot(document.getElementById(block.dataset.target), figure.data, figure.layout || {}, figure.config || {});
          });
          Promise.all(drawn).then(
            function () { document.body.dataset.plotsRendered = String(drawn.length); },
            function (error) { document.body.dataset.plotsRendered = 'error'; console.error(error); });
        })();

        """;

    static readonly Lazy<string> Style = new(() =>
    {
        using var stream = typeof(HtmlDocument).Assembly.GetManifestResourceStream("SegGanLab.Plots.report.css")
            ?? throw new InvalidOperationException("SegGanLab.Plots lacks its embedded report.css; rebuild the project.");
        return new StreamReader(stream).ReadToEnd();
    });
}

/// <summary>A table cell: escaped text or trusted HTML, optionally right-aligned as a number.</summary>
readonly record struct HtmlCell(string Html, bool Numeric = false)
{
    public static HtmlCell Text(string? text) => new(HtmlDocument.Escape(text));

    public static HtmlCell Number(string text) => new(HtmlDocument.Escape(text), Numeric: true);

    public static implicit operator HtmlCell(string? text) => Text(text);
}
