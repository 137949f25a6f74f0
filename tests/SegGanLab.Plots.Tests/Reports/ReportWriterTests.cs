using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegGanLab.Plots.Tests.Runs;
using SegGanLab.Plots.Tests.Schema;
using Xunit;

namespace SegGanLab.Plots.Tests.Reports;

public class ReportWriterTests
{
    [Fact]
    public void Write_PutsASelfContainedReportInTheRunFolder()
    {
        using var fixture = FixtureRun.Segmentation();
        var path = ReportWriter.Write(fixture.Folder);
        Assert.Equal(fixture.PathOf("report.html"), path);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>quickstart</h1>", html, StringComparison.Ordinal);
        // plotly.js inline exactly once, and nothing fetched from elsewhere.
        Assert.Single(Regex.Matches(html, Regex.Escape("plotly.js v" + PlotlyJs.Version)));
        Assert.DoesNotMatch("<script[^>]+src=|<link[^>]+href=|<img[^>]+src=\"http", html);
        Assert.Equal(5, Regex.Matches(html, "class=\"sg-figure\"").Count);
        Assert.Empty(Directory.GetFiles(fixture.Folder, ".*.tmp"));
        Assert.True(File.Exists(fixture.PathOf("samples/step-0000150/grid.png")), "the best evaluation's sample grid is saved as PNG");
    }

    [Fact]
    public void Report_FiguresAreValidPlotlyJson()
    {
        using var fixture = FixtureRun.Segmentation();
        var html = File.ReadAllText(ReportWriter.Write(fixture.Folder));
        var schema = PlotlySchema.Load();
        foreach (Match m in Regex.Matches(html, "<script type=\"application/json\" class=\"sg-figure\" data-target=\"[^\"]+\">(.*?)</script>", RegexOptions.Singleline))
        {
            var errors = schema.Validate(JsonNode.Parse(m.Groups[1].Value)!.AsObject());
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void Report_MarksChangedOptions_AndShowsBestAndFinalMetricsAndEnvironment()
    {
        using var fixture = FixtureRun.Segmentation();
        var html = File.ReadAllText(ReportWriter.Write(fixture.Folder));
        Assert.Contains("3 of 6 options differ", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(html, "<tr class=\"changed\">").Count);
        Assert.Contains("<tr class=\"changed\"><td><code>adv_weight</code>", html, StringComparison.Ordinal);
        Assert.Contains("best (step 150)", html, StringComparison.Ordinal);
        Assert.Contains("final (step 200)", html, StringComparison.Ordinal);
        Assert.Contains("libtorch.version", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"swatch\" style=\"background:#e6194b\"></span>disc", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_EscapesTextFromTheRunFolder()
    {
        using var fixture = FixtureRun.Segmentation();
        fixture.Write("options.json", new { recipe = "<b>gan</b>", name = "<script>alert(1)</script>", options = new { } });
        var html = File.ReadAllText(ReportWriter.Write(fixture.Folder));
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OfARunWithOnlyOptions_SaysThereIsNoEvaluationYet()
    {
        using var fixture = FixtureRun.Segmentation();
        File.Delete(fixture.PathOf("metrics.jsonl"));
        var html = File.ReadAllText(ReportWriter.Write(fixture.Folder));
        Assert.Contains("No evaluation yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"sg-figure\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ReplacesTheOldReport()
    {
        using var fixture = FixtureRun.Segmentation();
        File.WriteAllText(fixture.PathOf("report.html"), "old");
        ReportWriter.Write(fixture.Folder);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(fixture.PathOf("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_TablesEveryRun_AndNeedsTwoDifferentRuns()
    {
        using var a = FixtureRun.Segmentation("a", seed: 1);
        using var b = FixtureRun.Segmentation("b", seed: 2, steps: 100);
        var output = Path.Combine(a.Folder, "cmp.html");
        var html = File.ReadAllText(ReportWriter.WriteComparison([a.Folder, b.Folder], output));
        Assert.Contains("Comparison of 2 runs", html, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(b.Folder), html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(html, "class=\"sg-figure\"").Count);
        Assert.Throws<ArgumentException>(() => ReportWriter.WriteComparison([a.Folder], output));
        var twice = Assert.Throws<ArgumentException>(() => ReportWriter.WriteComparison([a.Folder, a.Folder + "/"], output));
        Assert.Contains("more than once", twice.Message, StringComparison.Ordinal);
    }
}
