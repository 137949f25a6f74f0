using System.Globalization;
using SegGanLab.Imaging;

namespace SegGanLab.Plots;

/// <summary>
/// The shared look of SegGanLab's charts: fonts, white plotting areas with light grids, the
/// trace colours, distinct class colours for data without a palette, and the viewer config.
/// </summary>
public static class ChartStyle
{
    /// <summary>Trace colours in order (plotly's and d3's category10).</summary>
    public static IReadOnlyList<string> Colorway { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    // Twenty distinct colours (Sasha Trubetskoy's list), used for classes without a dataset palette.
    static readonly Rgb24[] Distinct =
    [
        new(230, 25, 75), new(60, 180, 75), new(255, 225, 25), new(0, 130, 200), new(245, 130, 48),
        new(145, 30, 180), new(70, 240, 240), new(240, 50, 230), new(210, 245, 60), new(250, 190, 212),
        new(0, 128, 128), new(220, 190, 255), new(170, 110, 40), new(255, 250, 200), new(128, 0, 0),
        new(170, 255, 195), new(128, 128, 0), new(255, 215, 180), new(0, 0, 128), new(128, 128, 128),
    ];

    /// <summary>The colour of trace <paramref name="index"/>, cycling through <see cref="Colorway"/>.</summary>
    public static string TraceColor(int index) => Colorway[index % Colorway.Count];

    /// <summary>A distinct colour for category <paramref name="index"/>: a fixed list of 20, then golden-ratio hues.</summary>
    public static Rgb24 Category(int index)
    {
        if (index < Distinct.Length) return Distinct[index];
        var hue = index * 0.618033988749895 % 1.0 * 6;
        var (s, v) = (0.65, 0.85);
        var f = hue - Math.Floor(hue);
        double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
        var (r, g, b) = ((int)hue) switch { 0 => (v, t, p), 1 => (q, v, p), 2 => (p, v, t), 3 => (p, q, v), 4 => (t, p, v), _ => (v, p, q) };
        return new Rgb24((byte)Math.Round(r * 255), (byte)Math.Round(g * 255), (byte)Math.Round(b * 255));
    }

    /// <summary>A CSS colour for an <see cref="Rgb24"/>: <c>#rrggbb</c>.</summary>
    public static string Css(Rgb24 color) => $"#{color.R:x2}{color.G:x2}{color.B:x2}";

    /// <summary><c>rgba(r,g,b,alpha)</c> for a <c>#rrggbb</c> colour: the faint copies behind smoothed curves.</summary>
    public static string Fade(string hex, double alpha)
    {
        if (hex.Length != 7 || hex[0] != '#') throw new ArgumentException($"Expected a #rrggbb colour, got '{hex}'.", nameof(hex));
        var rgb = Convert.FromHexString(hex.AsSpan(1));
        return string.Create(CultureInfo.InvariantCulture, $"rgba({rgb[0]},{rgb[1]},{rgb[2]},{alpha:0.###})");
    }

    /// <summary>The layout every chart starts from: title, height, fonts, margins, white background.</summary>
    public static Layout BaseLayout(string title, double height) => new()
    {
        Title = new Title { Text = title, X = 0.01, XAnchor = XAnchor.Left, Font = new Font { Size = 16 } },
        Height = height,
        Font = new Font { Family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif", Size = 12, Color = "#222222" },
        Margin = new Margin { L = 64, R = 24, T = 56, B = 48 },
        PaperBgColor = "#ffffff",
        PlotBgColor = "#ffffff",
        Colorway = Colorway,
    };

    /// <summary>A value axis: a title, light grid lines (unless <paramref name="grid"/> is false), an axis line, margins that fit the labels.</summary>
    public static Axis ValueAxis(string? title, bool grid = true) => new()
    {
        Title = title is null ? null : new Title { Text = title },
        // plotly rejects a grid colour on an axis without grid lines (Plotly.validate: "did not get coerced").
        ShowGrid = grid, GridColor = grid ? "#ebebeb" : null, ZeroLine = false, ShowLine = true, AutoMargin = true,
    };

    /// <summary>A one-row legend above the plot, for charts with a y axis on the right where the legend usually sits.</summary>
    public static Legend TopLegend { get; } = new() { Orientation = Orientation.H, X = 0, Y = 1.02, XAnchor = XAnchor.Left, YAnchor = YAnchor.Bottom };

    /// <summary>The viewer config: resizes with the page, no plotly logo, PNG download at 2x named <paramref name="fileName"/>.</summary>
    public static Config Config(string fileName) => new()
    {
        Responsive = true,
        DisplayLogo = false,
        ModeBarButtonsToRemove = ["lasso2d", "select2d"],
        ToImageButtonOptions = new ImageExportOptions { Format = "png", Filename = fileName, Scale = 2 },
    };

    /// <summary>A fraction as a percentage with one decimal (<c>71.2%</c>), or <c>n/a</c>.</summary>
    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
