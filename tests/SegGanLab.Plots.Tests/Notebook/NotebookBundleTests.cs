using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace SegGanLab.Plots.Tests.Notebook;

public class NotebookBundleTests
{
    static Figure Sample => new()
    {
        Data = [new Scatter { X = new[] { 1.0, 2 }, Y = new[] { 3.0, 4 }, Name = "</script>" }],
        Layout = new Layout { Title = "loss", Height = 300 },
    };

    [Fact]
    public void Bundle_CarriesPlotlyJson_AnHtmlFallback_AndPlainText()
    {
        var bundle = NotebookBundle.Create(Sample, includePlotlyJs: false);
        Assert.Equal([NotebookBundle.PlotlyMimeType, "text/html", "text/plain"], bundle.Keys);
        var plotly = Assert.IsType<JsonObject>(bundle[NotebookBundle.PlotlyMimeType]);
        Assert.Equal(["data", "layout"], plotly.Select(kv => kv.Key));
        Assert.Equal("<Figure \"loss\": 1 trace(s): scatter>", bundle["text/plain"]);
        // What a kernel sends: the bundle serialises as plain JSON.
        var sent = JsonNode.Parse(JsonSerializer.Serialize(bundle))!;
        Assert.Equal("scatter", (string)sent[NotebookBundle.PlotlyMimeType]!["data"]![0]!["type"]!);
    }

    [Fact]
    public void HtmlFallback_CarriesPlotlyOnlyWhenAsked_BehindAGuard()
    {
        var without = (string)NotebookBundle.Create(Sample, includePlotlyJs: false)["text/html"];
        var with = (string)NotebookBundle.Create(Sample, includePlotlyJs: true)["text/html"];
        Assert.True(without.Length < 10_000);
        Assert.Contains("if (!window.Plotly)", with, StringComparison.Ordinal);
        Assert.Contains(PlotlyJs.Version, with, StringComparison.Ordinal);
        Assert.Contains("min-height:300px", without, StringComparison.Ordinal);
        // The trace name "</script>" must not end the script element early.
        Assert.Equal(1, CountOf(without, "</script>"));
    }

    [Fact]
    public void Session_SendsPlotlyWithTheFirstFigureOnly_UntilReset()
    {
        var session = new NotebookPlotly();
        Assert.False(session.PlotlyJsSent);
        var sizes = Enumerable.Range(0, 3).Select(_ => ((string)session.Bundle(Sample)["text/html"]).Length).ToList();
        Assert.True(session.PlotlyJsSent);
        Assert.True(sizes[0] > 1_000_000 && sizes[1] < 10_000 && sizes[2] < 10_000);
        session.Reset();
        Assert.True(((string)session.Bundle(Sample)["text/html"]).Length > 1_000_000);
    }

    static int CountOf(string text, string part)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(part, at, StringComparison.Ordinal)) >= 0) (count, at) = (count + 1, at + part.Length);
        return count;
    }
}
