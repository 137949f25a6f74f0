using System.Globalization;

namespace SegGanLab.Plots;

/// <summary>
/// Jupyter display data for a figure: a MIME bundle with <c>application/vnd.plotly.v1+json</c>
/// (<c>{data, layout, config}</c>, drawn by frontends with a plotly renderer), a <c>text/html</c>
/// fallback that draws it with plotly.js, and <c>text/plain</c>. The fallback either carries the
/// embedded plotly.js (loaded only when the page has no <c>window.Plotly</c> yet, so a second
/// load is harmless) or assumes an earlier output loaded it; <see cref="NotebookPlotly"/> makes
/// that choice once per kernel session.
/// </summary>
public static class NotebookBundle
{
    /// <summary>plotly's MIME type, as JupyterLab's and VS Code's plotly renderers register it.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The MIME bundle of <paramref name="figure"/>; values are a JSON object and strings, ready to serialise.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="includePlotlyJs">Whether the HTML fallback carries plotly.js (about 4.8 MB) for pages that have not loaded it.</param>
    public static IReadOnlyDictionary<string, object> Create(Figure figure, bool includePlotlyJs) => new Dictionary<string, object>
    {
        [PlotlyMimeType] = figure.ToJsonObject(),
        ["text/html"] = Html(figure, includePlotlyJs),
        ["text/plain"] = PlainText(figure),
    };

    /// <summary>The HTML fallback alone: a <c>div</c> and the script that draws the figure into it.</summary>
    public static string Html(Figure figure, bool includePlotlyJs)
    {
        var id = "sg-plot-" + Guid.NewGuid().ToString("N");
        var height = (figure.Layout.Height ?? 450).ToString("0", CultureInfo.InvariantCulture);
        var draw = $$"""
            <div id="{{id}}" class="sg-plot" style="width:100%;min-height:{{height}}px"></div>
            <script>
            (function () {
              var el = document.getElementById('{{id}}');
              var figure = {{PlotlyJson.ForScriptElement(figure.ToJson())}};
              if (window.Plotly) { window.Plotly.newPlot(el, figure.data, figure.layout || {}, figure.config || {}); }
              else { el.textContent = 'plotly.js is not loaded in this page: run again a cell that shows a figure (the first figure of a kernel session carries plotly.js).'; }
            })();
            </script>
            """;
        return includePlotlyJs ? PlotlyLoader() + "\n" + draw : draw;
    }

    /// <summary>
    /// A <c>script</c> element that defines <c>window.Plotly</c> from the embedded bundle unless the
    /// page already has it. The bundle runs with <c>module</c>, <c>exports</c> and <c>define</c>
    /// hidden, so a page with a module loader (classic Notebook's RequireJS) still gets the global.
    /// </summary>
    public static string PlotlyLoader() =>
        "<script>\nif (!window.Plotly) { (function (module, exports, define) {\n"
        + PlotlyJs.ForScriptElement()
        + "\n}).call(window); }\n</script>";

    /// <summary>The plain-text stand-in: the title and what the figure holds.</summary>
    public static string PlainText(Figure figure) =>
        $"<Figure \"{figure.TitleText ?? "untitled"}\": {figure.Data.Count} trace(s): {string.Join(", ", figure.Data.Select(t => t.Type).Distinct())}>";
}
