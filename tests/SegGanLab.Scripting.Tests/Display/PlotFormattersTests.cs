using System.Text.Json.Nodes;
using SegGanLab.Imaging;
using SegGanLab.Plots;
using Xunit;

namespace SegGanLab.Scripting.Tests;

public sealed class PlotFormattersTests
{
    static readonly EvalRecord Eval = new(200, 4.3, 25.0, "val",
        new Dictionary<string, double> { ["mIoU"] = 0.712, ["aAcc"] = 0.93 },
        [new ClassScores("background", 0.95, 0.97, 0.97, 0.98, 0.97), new ClassScores("disc <b>", double.NaN, 0.5, double.NaN, 0.4, 0.5)],
        null, null);

    [Fact]
    public void Figure_HasPlotlyJson_AnHtmlFallbackThatNeedsPlotlyJs_AndText()
    {
        var figure = LossChart.Create([new TrainRecord(1, 0, 0, new Dictionary<string, double> { ["G/total"] = 1 }, new Dictionary<string, double>()),
                                       new TrainRecord(2, 0, 0, new Dictionary<string, double> { ["G/total"] = 0.5 }, new Dictionary<string, double>())]);
        var bundle = Formatter.Format(figure);
        Assert.True(bundle.UsesPlotlyJs);
        var json = Assert.IsAssignableFrom<JsonObject>(bundle.Data[NotebookBundle.PlotlyMimeType]);
        Assert.NotEmpty(json["data"]!.AsArray());
        var html = Assert.IsType<string>(bundle.Data["text/html"]);
        Assert.Contains("Plotly.newPlot", html);
        // plotly.js itself is not in the bundle: the kernel adds it once per session.
        Assert.True(html.Length < 100_000, $"{html.Length} characters");
        Assert.StartsWith("<Figure \"Losses", bundle.PlainText);
    }

    [Fact]
    public void Images_AndMaskGrids_ArePngs()
    {
        var image = new ImageData(3, 2, 3, Enumerable.Range(0, 18).Select(i => (byte)(i * 10)).ToArray());
        var bundle = Formatter.Format(image);
        var png = Convert.FromBase64String(Assert.IsType<string>(bundle.Data["image/png"]));
        var decoded = ImageFile.Decode(png);
        Assert.Equal((3, 2), (decoded.Width, decoded.Height));
        Assert.Equal(image.Pixels, decoded.Pixels);
        Assert.Equal("<ImageData 3x2, 3 channel(s)>", bundle.PlainText);

        var mask = new ImageData(3, 2, 1, [0, 1, 1, 0, 255, 1]);
        var grid = MaskGrid.FromLabels([(image, mask, mask)], RunClasses.Default(["background", "shape"]));
        var gridBundle = Formatter.Format(grid);
        var gridPng = ImageFile.Decode(Convert.FromBase64String(Assert.IsType<string>(gridBundle.Data["image/png"])));
        Assert.Equal(grid.ToImage().Width, gridPng.Width);
        Assert.Equal(grid.ToImage().Width, gridBundle.Metadata["image/png"]!["width"]!.GetValue<int>());
        Assert.Contains("1 sample(s)", gridBundle.PlainText);
    }

    [Fact]
    public void Evaluations_AreTables_WithPercentages_AndEscapedNames()
    {
        var bundle = Formatter.Format(Eval);
        var html = Assert.IsType<string>(bundle.Data["text/html"]);
        Assert.Contains("Evaluation at step 200", html);
        Assert.Contains(">71.2%<", html);
        Assert.Contains("disc &lt;b&gt;", html);
        Assert.DoesNotContain("disc <b>", html);
        Assert.Contains(">n/a<", html);
        Assert.Equal(3, html.Split("<tbody><tr>").Length); // the metrics table and the per-class table
        var lines = bundle.PlainText.Split('\n');
        Assert.Equal("Evaluation at step 200 (val): mIoU 71.2%  aAcc 93.0%", lines[0]);
        Assert.StartsWith("background", lines[2]);
        Assert.EndsWith("97.0%", lines[2]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void PerClassLists_AreTables()
    {
        var bundle = Formatter.Format(Eval.PerClass);
        var html = Assert.IsType<string>(bundle.Data["text/html"]);
        Assert.Equal(2, html.Split("<tr><td").Length - 1);
        Assert.Contains("Precision", html);
        Assert.Equal(3, bundle.PlainText.Split('\n').Length);
    }
}
