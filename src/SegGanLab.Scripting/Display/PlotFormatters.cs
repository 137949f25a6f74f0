using System.Globalization;
using SegGanLab.Imaging;
using SegGanLab.Plots;

namespace SegGanLab.Scripting;

/// <summary>
/// Formatters for what SegGanLab.Plots and SegGanLab.Imaging produce: figures (plotly's MIME type,
/// an HTML fallback drawn with plotly.js, plain text), mask grids and images (<c>image/png</c>),
/// evaluation records and per-class score lists (<c>text/html</c> tables).
/// </summary>
internal static class PlotFormatters
{
    public static void RegisterAll()
    {
        Formatter.Register<Figure>(Figure);
        Formatter.Register<MaskGrid>(grid => Png(grid.ToPng(), grid.Rows.Count == 0 ? 0 : grid.ToImage().Width,
            string.Create(CultureInfo.InvariantCulture, $"<MaskGrid: {grid.Rows.Count} sample(s); columns {string.Join(", ", grid.Columns)}>")));
        Formatter.Register<ImageData>(image => Png(ImageFile.EncodePng(image), image.Width,
            string.Create(CultureInfo.InvariantCulture, $"<ImageData {image.Width}x{image.Height}, {image.Channels} channel(s){(image.Palette is null ? "" : ", palette")}>")));
        Formatter.Register<EvalRecord>(eval => new MimeBundle()
            .Add("text/html", NotebookTables.EvaluationHtml(eval))
            .Add(MimeBundle.TextPlain, NotebookTables.EvaluationText(eval)));
        Formatter.Register<IReadOnlyList<ClassScores>>(rows => new MimeBundle()
            .Add("text/html", NotebookTables.PerClassHtml(rows))
            .Add(MimeBundle.TextPlain, NotebookTables.PerClassText(rows)));
    }

    /// <summary>
    /// A figure's bundle: plotly's JSON for frontends with a plotly renderer, and an HTML fallback that
    /// draws it with the page's plotly.js (<see cref="MimeBundle.UsesPlotlyJs"/>: the host loads it).
    /// </summary>
    static MimeBundle Figure(Figure figure) => new MimeBundle { UsesPlotlyJs = true }
        .Add(NotebookBundle.PlotlyMimeType, figure.ToJsonObject())
        .Add("text/html", NotebookBundle.Html(figure, includePlotlyJs: false))
        .Add(MimeBundle.TextPlain, NotebookBundle.PlainText(figure));

    static MimeBundle Png(byte[] png, int width, string text)
    {
        var bundle = new MimeBundle().Add("image/png", Convert.ToBase64String(png)).Add(MimeBundle.TextPlain, text);
        // Frontends scale wide images to the cell; the natural width keeps small masks from being blown up.
        if (width > 0) bundle.Metadata["image/png"] = new System.Text.Json.Nodes.JsonObject { ["width"] = width };
        return bundle;
    }
}
