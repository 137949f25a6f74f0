using SegGanLab.Plots;
using SegGanLab.Scripting;
using Xunit;

namespace SegGanLab.Kernel.Tests;

public sealed class PlotlyPageTests
{
    static MimeBundle Plot(string html) => new MimeBundle { UsesPlotlyJs = true }.Add("text/html", html).Add(MimeBundle.TextPlain, "figure");

    static string Html(System.Text.Json.Nodes.JsonObject data) => data["text/html"]!.GetValue<string>();

    [Fact]
    public void TheFirstPlotlyOutput_CarriesPlotlyJs_LaterOnesDoNot()
    {
        var page = new PlotlyPage();
        var loader = NotebookBundle.PlotlyLoader();
        // Outputs that do not draw with plotly.js are left alone and do not use up the first load.
        Assert.Equal("<b>table</b>", Html(page.Data(new MimeBundle().Add("text/html", "<b>table</b>"), "t", update: false)));
        Assert.False(page.Sent);

        Assert.Equal(loader + "\n<div>one</div>", Html(page.Data(Plot("<div>one</div>"), "first", update: false)));
        Assert.True(page.Sent);
        Assert.Equal("<div>two</div>", Html(page.Data(Plot("<div>two</div>"), null, update: false)));
        Assert.Equal("<div>three</div>", Html(page.Data(Plot("<div>three</div>"), "other", update: true)));
        // The display that carried it keeps carrying it when updated: the notebook keeps only its last state.
        Assert.Equal(loader + "\n<div>four</div>", Html(page.Data(Plot("<div>four</div>"), "first", update: true)));
        Assert.Equal("figure", page.Data(Plot("<div>five</div>"), "first", update: true)["text/plain"]!.GetValue<string>());
    }
}
