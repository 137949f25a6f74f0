using Xunit;
using Xunit.Abstractions;

namespace SegGanLab.Plots.Tests.Browser;

/// <summary>Opens a report page in Chromium and checks it the way every browser test does.</summary>
static class ReportPages
{
    /// <summary>Generous for a 2-core machine shared with other builds; a healthy page takes a few seconds.</summary>
    internal static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Opens <paramref name="html"/> (a copy and a screenshot kept as artifacts named <paramref name="name"/>)
    /// and asserts no console errors, <paramref name="expectedFigures"/> rendered plots each with traces
    /// and drawn marks, and a clean <c>Plotly.validate</c>; <paramref name="expectedFigures"/> null
    /// accepts any count of at least one.
    /// </summary>
    internal static async Task<PageReport> OpenAndCheck(ChromiumBrowser browser, string html, string name, ITestOutputHelper output, int? expectedFigures = null)
    {
        const string renderedFlag = "String(document.body.dataset.plotsRendered || '')";
        var keep = Artifact(name + ".html");
        File.Copy(html, keep, overwrite: true);
        using var timeout = new CancellationTokenSource(PageTimeout);
        var page = await BrowserPage.OpenAsync(browser, html, Artifact(name + ".png"), renderedFlag, flag => flag.Length > 0, timeout.Token);
        output.WriteLine($"screenshot: {page.ScreenshotPath}\npage: {keep}");
        Assert.True(page.ConsoleErrors.Count == 0, "console errors:\n" + string.Join("\n", page.ConsoleErrors));
        var plots = page.Plots.GetProperty("plots").EnumerateArray().ToList();
        if (expectedFigures is { } n)
        {
            Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Plots.GetProperty("rendered").GetString());
            Assert.Equal(n, plots.Count);
        }
        Assert.NotEmpty(plots);
        foreach (var plot in plots)
        {
            var id = plot.GetProperty("id").GetString();
            Assert.True(plot.GetProperty("traces").GetInt32() > 0, $"{id} has no traces");
            Assert.True(plot.GetProperty("svg").GetBoolean() || plot.GetProperty("gl").GetBoolean(), $"{id} has no SVG or GL plot");
            Assert.True(plot.GetProperty("drawn").GetInt32() > 0, $"{id} drew nothing in its plot area");
        }
        var problems = page.Plots.GetProperty("validation").EnumerateArray()
            .SelectMany((errors, i) => errors.EnumerateArray().Select(e => $"figure {i + 1}: {e.GetString()}")).ToList();
        Assert.True(problems.Count == 0, "Plotly.validate:\n" + string.Join("\n", problems));
        return page;
    }

    /// <summary>A path in the browser artifacts folder (TestResults/browser), created when missing.</summary>
    internal static string Artifact(string file) => Path.Combine(Directory.CreateDirectory(ChromiumFixture.ArtifactDirectory).FullName, file);
}
