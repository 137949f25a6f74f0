using System.Text.RegularExpressions;

namespace SegGanLab.Plots;

/// <summary>
/// The plotly.js bundle embedded in this assembly (npm <c>plotly.js-dist-min</c>, the version
/// pinned in <c>plotlyjs/package-lock.json</c>), so reports and notebooks work offline.
/// </summary>
public static partial class PlotlyJs
{
    const string ResourceName = "SegGanLab.Plots.plotly.min.js";
    static readonly Lazy<string> LazySource = new(Load);

    /// <summary>The minified plotly.js source, defining <c>window.Plotly</c> when run in a page.</summary>
    public static string Source => LazySource.Value;

    /// <summary>The bundle's version, as its banner states it (<c>"4.1.2"</c>).</summary>
    public static string Version => BannerVersion().Match(Source[..Math.Min(Source.Length, 200)]) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("The embedded plotly.js has no 'plotly.js vX.Y.Z' banner; rebuild SegGanLab.Plots so npm ci restores the pinned bundle.");

    /// <summary>
    /// The source for an HTML <c>&lt;script&gt;</c> element: any <c>&lt;/script</c> inside it is
    /// written <c>&lt;\/script</c>, which JavaScript reads the same.
    /// </summary>
    public static string ForScriptElement() => Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    static string Load()
    {
        using var stream = typeof(PlotlyJs).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly lacks the embedded resource {ResourceName}; SegGanLab.Plots was built without plotly.js (its build runs npm ci in src/SegGanLab.Plots/plotlyjs).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"plotly\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex BannerVersion();
}
