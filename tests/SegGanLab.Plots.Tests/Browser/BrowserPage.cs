using System.Text.Json;

namespace SegGanLab.Plots.Tests.Browser;

/// <summary>What a page did in the browser: its problems and its plots.</summary>
sealed record PageReport(IReadOnlyList<string> ConsoleErrors, JsonElement Plots, string ScreenshotPath);

/// <summary>
/// Opens one page in a new tab of a <see cref="ChromiumBrowser"/>, waits until its figures are
/// drawn (body[data-plots-rendered]), inspects every plotly plot, runs Plotly.validate on every
/// figure's JSON and takes a full-page screenshot.
/// </summary>
static class BrowserPage
{
    // Runs in the page: one entry per .js-plotly-plot, and Plotly.validate's verdict on each figure as written.
    const string InspectScript = """
        JSON.stringify({
          rendered: document.body.dataset.plotsRendered || null,
          figures: document.querySelectorAll('script.sg-figure').length,
          plots: Array.from(document.querySelectorAll('.js-plotly-plot')).map(function (p) {
            return { id: p.id, traces: (p.data || []).length, svg: !!p.querySelector('svg.main-svg'),
                     gl: !!p.querySelector('canvas'), drawn: p.querySelectorAll('.mlayer > *').length };
          }),
          validation: Array.from(document.querySelectorAll('script.sg-figure')).map(function (b) {
            var f = JSON.parse(b.textContent);
            return (Plotly.validate(f.data, f.layout) || []).map(function (e) { return e.msg; });
          })
        })
        """;

    /// <summary>Opens <paramref name="file"/>; it is ready once <paramref name="readyExpression"/> (JavaScript giving a string) satisfies <paramref name="isReady"/>.</summary>
    public static async Task<PageReport> OpenAsync(ChromiumBrowser browser, string file, string screenshotPath, string readyExpression, Func<string, bool> isReady, CancellationToken ct)
    {
        var cdp = browser.Cdp;
        var target = (await cdp.SendAsync("Target.createTarget", new { url = "about:blank" }, ct: ct)).GetProperty("targetId").GetString()!;
        var session = (await cdp.SendAsync("Target.attachToTarget", new { targetId = target, flatten = true }, ct: ct)).GetProperty("sessionId").GetString()!;
        try
        {
            foreach (var domain in new[] { "Runtime.enable", "Log.enable", "Page.enable" }) await cdp.SendAsync(domain, sessionId: session, ct: ct);
            await cdp.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1280, height = 900, deviceScaleFactor = 1, mobile = false }, session, ct);
            await cdp.SendAsync("Page.navigate", new { url = new Uri(file).AbsoluteUri }, session, ct);
            await cdp.WaitForEventAsync("Page.loadEventFired", session, ct);
            while (!isReady(await EvaluateAsync(cdp, session, readyExpression, ct)))
                await Task.Delay(50, ct);
            var plots = JsonDocument.Parse(await EvaluateAsync(cdp, session, InspectScript, ct)).RootElement.Clone();
            var size = (await cdp.SendAsync("Page.getLayoutMetrics", sessionId: session, ct: ct)).GetProperty("cssContentSize");
            var shot = await cdp.SendAsync("Page.captureScreenshot", new
            {
                format = "png", captureBeyondViewport = true,
                clip = new { x = 0, y = 0, width = size.GetProperty("width").GetDouble(), height = size.GetProperty("height").GetDouble(), scale = 1 },
            }, session, ct);
            Directory.CreateDirectory(Path.GetDirectoryName(screenshotPath)!);
            await File.WriteAllBytesAsync(screenshotPath, Convert.FromBase64String(shot.GetProperty("data").GetString()!), ct);
            return new PageReport(ConsoleErrors(cdp, session), plots, screenshotPath);
        }
        finally
        {
            // Its own deadline: a page that timed out must still close, and not hide why it failed.
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await cdp.SendAsync("Target.closeTarget", new { targetId = target }, ct: closing.Token);
        }
    }

    static async Task<string> EvaluateAsync(CdpConnection cdp, string session, string expression, CancellationToken ct)
    {
        var result = await cdp.SendAsync("Runtime.evaluate", new { expression, returnByValue = true }, session, ct);
        if (result.TryGetProperty("exceptionDetails", out var error)) throw new CdpException($"{expression[..Math.Min(60, expression.Length)]}... threw: {error}");
        return result.GetProperty("result").GetProperty("value").GetString() ?? "";
    }

    // console.error/assert calls, uncaught exceptions and browser log entries at level error.
    static List<string> ConsoleErrors(CdpConnection cdp, string session) => cdp.Events.Where(e => e.SessionId == session).SelectMany(e => e.Method switch
    {
        "Runtime.exceptionThrown" => [$"exception: {e.Params.GetProperty("exceptionDetails")}"],
        "Runtime.consoleAPICalled" when e.Params.GetProperty("type").GetString() is "error" or "assert" => [$"console.{e.Params.GetProperty("type").GetString()}: {e.Params.GetProperty("args")}"],
        "Log.entryAdded" when e.Params.GetProperty("entry").GetProperty("level").GetString() == "error" => [$"log: {e.Params.GetProperty("entry")}"],
        _ => Array.Empty<string>(),
    }).ToList();
}
