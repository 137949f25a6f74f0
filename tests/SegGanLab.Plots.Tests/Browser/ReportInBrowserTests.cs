using System.Text;
using SegGanLab.Plots.Tests.Runs;
using Xunit;
using Xunit.Abstractions;

namespace SegGanLab.Plots.Tests.Browser;

/// <summary>One headless Chromium shared by the browser tests of a class.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    internal ChromiumBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots and the pages they show are kept: tests/SegGanLab.Plots.Tests/TestResults/browser.</summary>
    internal static string ArtifactDirectory => Path.Combine(RepositoryRoot.Find(), "tests", "SegGanLab.Plots.Tests", "TestResults", "browser");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Browser = await ChromiumBrowser.LaunchAsync(timeout.Token);
    }

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}

/// <summary>
/// Reports opened in real headless Chromium: no console errors or exceptions, every figure drawn
/// as an SVG plot with its traces, Plotly.validate happy with every figure's JSON, and a
/// full-page screenshot kept in TestResults/browser.
/// </summary>
public class ReportInBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task RunReport_DrawsEveryChart_WithoutErrors_AndPassesPlotlyValidate()
    {
        using var run = FixtureRun.Segmentation();
        var report = await ReportPages.OpenAndCheck(chromium.Browser, ReportWriter.Write(run.Folder), "report", output, expectedFigures: 5);
        Assert.Equal(5, report.Plots.GetProperty("figures").GetInt32());
    }

    [Fact]
    public async Task DeblurReport_DrawsItsCharts_WithoutErrors()
    {
        using var run = FixtureRun.Deblur();
        await ReportPages.OpenAndCheck(chromium.Browser, ReportWriter.Write(run.Folder), "deblur-report", output, expectedFigures: 3);
    }

    [Fact]
    public async Task ComparisonPage_DrawsItsCharts_WithoutErrors()
    {
        using var a = FixtureRun.Segmentation("baseline", seed: 1);
        using var b = FixtureRun.Segmentation("adversarial", seed: 2, steps: 150);
        var page = ReportWriter.WriteComparison([a.Folder, b.Folder], Path.Combine(a.Folder, "..", "compare.html"));
        await ReportPages.OpenAndCheck(chromium.Browser, page, "compare", output, expectedFigures: 2);
    }

    [Fact]
    public async Task NotebookFallbacks_LoadPlotlyOnce_AndDrawEveryFigure()
    {
        using var run = FixtureRun.Segmentation();
        var records = RunFolder.Read(run.Folder);
        var session = new NotebookPlotly();
        var outputs = new[] { LossChart.Create(records.Train), MetricChart.Create(records.Evals), ConfusionChart.Create(records.ReadConfusion(records.Evals[^1])!) }
            .Select(f => (string)session.Bundle(f)["text/html"]).ToList();
        // A page reloaded from a saved notebook runs a plotly-carrying output again: the guard makes it a no-op.
        outputs.Add((string)NotebookBundle.Create(PerClassChart.Create(records.Evals[^1], records.Classes), includePlotlyJs: true)["text/html"]);
        Assert.Equal([true, false, false, true], outputs.Select(o => o.Length > 1_000_000).ToArray());
        var file = Path.Combine(run.Folder, "notebook.html");
        File.WriteAllText(file, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n" + string.Join("\n<hr>\n", outputs) + "\n</body></html>", Encoding.UTF8);
        using var timeout = new CancellationTokenSource(ReportPages.PageTimeout);
        var page = await BrowserPage.OpenAsync(chromium.Browser, file, ReportPages.Artifact("notebook.png"),
            "String(document.querySelectorAll('.js-plotly-plot').length)", ready => ready == "4", timeout.Token);
        Assert.Empty(page.ConsoleErrors);
        Assert.All(page.Plots.GetProperty("plots").EnumerateArray(), plot => Assert.True(plot.GetProperty("svg").GetBoolean() && plot.GetProperty("drawn").GetInt32() > 0));
    }

}
