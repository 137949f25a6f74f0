using System.Text.Json.Nodes;
using Xunit;

namespace SegGanLab.Plots.Tests.Figures;

public class FigureJsonTests
{
    [Fact]
    public void Json_UsesPlotlysLowerCaseNames_AndOmitsNulls()
    {
        var json = new Figure { Data = [new Scatter { ShowLegend = false, Y = new[] { 1.0 } }] }.ToJson();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"data":[{"type":"scatter","showlegend":false,"y":[1]}],"layout":{}}"""), JsonNode.Parse(json)), json);
    }

    [Fact]
    public void NonFiniteNumbers_BecomeNullGaps()
    {
        var trace = PlotlyJson.ToNode(new Scatter { Y = new[] { 1.0, double.NaN, double.PositiveInfinity, 2 } });
        Assert.Equal("[1,null,null,2]", trace["y"]!.ToJsonString());
    }

    [Theory]
    [InlineData(ScatterMode.Lines | ScatterMode.Markers, "\"lines+markers\"")]
    [InlineData(ScatterMode.None, "\"none\"")]
    [InlineData(ScatterMode.Text, "\"text\"")]
    public void FlagEnums_WriteAsPlusJoinedFlagLists(ScatterMode mode, string expected) =>
        Assert.Contains($"\"mode\":{expected}", PlotlyJson.Serialize(new Scatter { Mode = mode }), StringComparison.Ordinal);

    [Fact]
    public void Enums_WriteBooleansAndMemberNamesWherePlotlyDoes()
    {
        Assert.Equal("false", PlotlyJson.ToNode(new Scatter { Visible = TraceVisibility.Hidden })["visible"]!.ToJsonString());
        Assert.Equal("\"legendonly\"", PlotlyJson.ToNode(new Scatter { Visible = TraceVisibility.LegendOnly })["visible"]!.ToJsonString());
        Assert.Equal("\"x unified\"", PlotlyJson.ToNode(new Layout { HoverMode = HoverMode.XUnified })["hovermode"]!.ToJsonString());
        Assert.Equal("\"reversed\"", PlotlyJson.ToNode(new Axis { AutoRange = AutoRange.Reversed })["autorange"]!.ToJsonString());
        Assert.Equal("\"all\"", PlotlyJson.ToNode(new Scatter { HoverInfo = HoverInfo.All })["hoverinfo"]!.ToJsonString());
    }

    [Fact]
    public void LayoutAxes_AreWrittenUnderPlotlysAxisNames_AlongsideExtraAttributes()
    {
        var layout = PlotlyJson.ToNode(new Layout
        {
            Axes = new Dictionary<string, Axis> { ["x"] = new() { Title = "step" }, ["y2"] = new() { Overlaying = "y", Side = Side.Right } },
            Extra = new Dictionary<string, object> { ["uirevision"] = "keep" },
        });
        Assert.Equal("step", (string)layout["xaxis"]!["title"]!["text"]!);
        Assert.Equal("right", (string)layout["yaxis2"]!["side"]!);
        Assert.Equal("keep", (string)layout["uirevision"]!);
    }

    [Fact]
    public void BadAxisId_IsRejectedWithTheValidForms()
    {
        var layout = new Layout { Axes = new Dictionary<string, Axis> { ["xaxis2"] = new() } };
        var e = Assert.Throws<ArgumentException>(() => PlotlyJson.Serialize(layout));
        Assert.Contains("'xaxis2'", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"x2\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneOrMany_WritesAScalarOrAnArray()
    {
        Assert.Equal("\"#ff0000\"", PlotlyJson.ToNode(new Marker { Color = "#ff0000" })["color"]!.ToJsonString());
        Assert.Equal("[\"#000\",\"#fff\"]", PlotlyJson.ToNode(new Marker { Color = new[] { "#000", "#fff" } })["color"]!.ToJsonString());
    }

    [Fact]
    public void ColorScale_WritesNameOrStops_AndRejectsStopsNotSpanningZeroToOne()
    {
        Assert.Equal("\"Blues\"", PlotlyJson.ToNode(new Heatmap { ColorScale = "Blues" })["colorscale"]!.ToJsonString());
        Assert.Equal("[[0,\"#fff\"],[1,\"#000\"]]", PlotlyJson.ToNode(new Heatmap { ColorScale = ColorScale.FromStops((0, "#fff"), (1, "#000")) })["colorscale"]!.ToJsonString());
        Assert.Throws<ArgumentException>(() => ColorScale.FromStops((0, "#fff"), (0.5, "#000")));
    }

    [Fact]
    public void ForScriptElement_LeavesNoClosingScriptTag_AndParsesToTheSameJson()
    {
        var figure = new Figure { Layout = new Layout { Title = "</script><script>alert(1)</script>" } };
        var safe = PlotlyJson.ForScriptElement(figure.ToJson());
        Assert.DoesNotContain("</", safe, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(figure.ToJsonObject(), JsonNode.Parse(safe)));
    }

    [Fact]
    public void SubplotGrid_NumbersAxesRowByRow_AndAnchorsEachPair()
    {
        var grid = new SubplotGrid(2, 3, xGap: 0.05, yGap: 0.1);
        Assert.Equal("x", grid.XAxisId(0, 0));
        Assert.Equal("y6", grid.YAxisId(1, 2));
        var axes = grid.Axes();
        Assert.Equal(12, axes.Count);
        Assert.Equal("y5", axes["x5"].Anchor);
        Assert.Equal(1.0, axes["y"].Domain![1], 6);   // row 0 is the top row
        Assert.Equal(0.0, axes["y4"].Domain![0], 6);
        Assert.Equal(0.0, axes["x4"].Domain![0], 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.XAxisId(2, 0));
    }

    [Fact]
    public void ImageFromPng_IsADataUri_AndNonPngBytesAreRejected()
    {
        Assert.StartsWith("data:image/png;base64,iVBOR", Image.FromPng(KitchenSink.OnePixelPng).Source, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => DataUri.Png([1, 2, 3]));
        Assert.Contains("PNG", e.Message, StringComparison.Ordinal);
    }
}
