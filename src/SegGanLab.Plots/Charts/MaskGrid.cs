using System.Globalization;
using SegGanLab.Imaging;

namespace SegGanLab.Plots;

/// <summary>
/// A grid of samples, one row each: image | ground truth | prediction | error map for
/// segmentation (labels coloured with the dataset palette; errors red, correct pixels dark,
/// ignored pixels beige), or blurred | restored | sharp for deblurring. It renders as a plotly
/// figure with a legend of the class colours present, and as one PNG.
/// </summary>
public sealed class MaskGrid
{
    /// <summary>The colour of pixels labelled with the ignore index (Pascal VOC's "void").</summary>
    public static readonly Rgb24 IgnoredColor = new(224, 224, 192);
    /// <summary>Error map: a wrongly predicted pixel.</summary>
    public static readonly Rgb24 ErrorColor = new(255, 48, 48);
    /// <summary>Error map: a correctly predicted pixel.</summary>
    public static readonly Rgb24 CorrectColor = new(32, 32, 32);
    /// <summary>A label that is neither a class nor the ignore index.</summary>
    public static readonly Rgb24 UnknownColor = new(255, 0, 255);

    const int GapPixels = 4;

    MaskGrid(SampleKind kind, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<ImageData>> rows, IReadOnlyList<int> indices, IReadOnlyList<(string Name, Rgb24 Color)> legend)
        => (Kind, Columns, Rows, SampleIndices, Legend) = (kind, columns, rows, indices, legend);

    /// <summary>Segmentation or deblur samples.</summary>
    public SampleKind Kind { get; }

    /// <summary>The column headings.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Per sample, its RGB panels in <see cref="Columns"/> order.</summary>
    public IReadOnlyList<IReadOnlyList<ImageData>> Rows { get; }

    /// <summary>The sample number k of each row.</summary>
    public IReadOnlyList<int> SampleIndices { get; }

    /// <summary>The legend: every class present in a truth or prediction, then "ignored" and "error" where they occur.</summary>
    public IReadOnlyList<(string Name, Rgb24 Color)> Legend { get; }

    /// <summary>A segmentation grid from in-memory samples: an RGB image and truth/prediction label maps each.</summary>
    /// <param name="samples">Per sample: the image (3 channels) and the label maps (1 channel of class indices), all the same size.</param>
    /// <param name="classes">Class names, palette and ignore index.</param>
    /// <param name="indices">Sample numbers for row titles (0, 1, ... when null).</param>
    public static MaskGrid FromLabels(IReadOnlyList<(ImageData Image, ImageData Truth, ImageData Prediction)> samples, RunClasses classes, IReadOnlyList<int>? indices = null)
    {
        if (samples.Count == 0) throw new ArgumentException("A mask grid needs at least one sample.", nameof(samples));
        var present = new SortedSet<int>();
        var (anyIgnored, anyError) = (false, false);
        var rows = new List<IReadOnlyList<ImageData>>();
        for (var s = 0; s < samples.Count; s++)
        {
            var (image, truth, pred) = samples[s];
            CheckSample(s, image, truth, pred);
            var (error, ignored, wrong) = ErrorMap(truth, pred, classes.IgnoreIndex);
            (anyIgnored, anyError) = (anyIgnored || ignored, anyError || wrong);
            foreach (var label in truth.Pixels.Concat(pred.Pixels).Distinct())
                if (label != classes.IgnoreIndex) present.Add(label);
            rows.Add([image, Colorize(truth, classes), Colorize(pred, classes), error]);
        }
        var legend = present.Select(l => (l < classes.Names.Count ? classes.Names[l] : $"label {l}", l < classes.Names.Count ? classes.ColorOf(l) : UnknownColor)).ToList();
        if (anyIgnored) legend.Add(("ignored", IgnoredColor));
        if (anyError) legend.Add(("error", ErrorColor));
        return new MaskGrid(SampleKind.Segmentation, ["image", "ground truth", "prediction", "errors"], rows, indices ?? Enumerable.Range(0, samples.Count).ToArray(), legend);
    }

    /// <summary>A deblur grid from in-memory RGB triples.</summary>
    public static MaskGrid FromRestorations(IReadOnlyList<(ImageData Blurred, ImageData Restored, ImageData Sharp)> samples, IReadOnlyList<int>? indices = null)
    {
        if (samples.Count == 0) throw new ArgumentException("A sample grid needs at least one sample.", nameof(samples));
        for (var s = 0; s < samples.Count; s++) CheckSample(s, samples[s].Blurred, samples[s].Restored, samples[s].Sharp);
        var rows = samples.Select(s => (IReadOnlyList<ImageData>)[s.Blurred, s.Restored, s.Sharp]).ToList();
        return new MaskGrid(SampleKind.Deblur, ["blurred", "restored", "sharp"], rows, indices ?? Enumerable.Range(0, samples.Count).ToArray(), []);
    }

    /// <summary>Reads the first <paramref name="maxSamples"/> samples of a samples folder.</summary>
    /// <exception cref="RunFolderException">A sample PNG cannot be read or its sizes disagree.</exception>
    public static MaskGrid Load(SampleSet set, RunClasses? classes, int maxSamples = 4)
    {
        var chosen = set.Samples.Take(maxSamples).ToList();
        if (chosen.Count == 0) throw new RunFolderException($"{set.Directory} has no complete sample ({string.Join(", ", set.Roles.Select(r => r + "-k.png"))}).");
        var indices = chosen.Select(s => s.Index).ToArray();
        try
        {
            if (set.Kind == SampleKind.Deblur)
                return FromRestorations(chosen.Select(s => (Rgb(s.Files[0]), Rgb(s.Files[1]), Rgb(s.Files[2]))).ToList(), indices);
            var samples = chosen.Select(s => (Rgb(s.Files[0]), Labels(s.Files[1]), Labels(s.Files[2]))).ToList();
            return FromLabels(samples, classes ?? ClassesFromPalette(samples[0].Item2), indices);
        }
        catch (Exception e) when (e is ImageFormatException or ArgumentException)
        {
            throw new RunFolderException($"Cannot draw the samples in {set.Directory}: {e.Message}", e);
        }
    }

    /// <summary>The grid as a plotly figure: one image per cell, column headings, the class legend.</summary>
    public Figure ToFigure(string title = "Samples")
    {
        var grid = new SubplotGrid(Rows.Count, Columns.Count, xGap: 0.01, yGap: 0.04 / Math.Max(1, Rows.Count - 1) * Math.Min(Rows.Count - 1, 3));
        var traces = new List<Trace>();
        var annotations = new List<Annotation>();
        for (var r = 0; r < Rows.Count; r++)
            for (var c = 0; c < Columns.Count; c++)
            {
                var (x, y) = (grid.XAxisId(r, c), grid.YAxisId(r, c));
                traces.Add(Image.FromPng(ImageFile.EncodePng(Rows[r][c])) with { XAxis = x, YAxis = y, Name = $"{Columns[c]} {SampleIndices[r]}", HoverInfo = HoverInfo.Skip });
                if (r == 0) annotations.Add(Heading(Columns[c], x, y, 1, YAnchor.Bottom));
                if (c == 0) annotations.Add(Heading($"sample {SampleIndices[r]}", x, y, 0.5, YAnchor.Middle) with { X = -0.02, XAnchor = XAnchor.Right, YAnchor = YAnchor.Middle });
            }
        // Image traces have no legend entries: one empty square-marker trace per colour makes the legend.
        traces.AddRange(Legend.Select(e => new Scatter
        {
            X = new double?[] { null }, Y = new double?[] { null }, Mode = ScatterMode.Markers, Name = e.Name, ShowLegend = true, HoverInfo = HoverInfo.Skip,
            Marker = new Marker { Color = ChartStyle.Css(e.Color), Symbol = "square", Size = 12, Line = new MarkerLine { Color = "#666666", Width = 0.5 } },
        }));
        var aspect = Rows.Max(r => (double)r[0].Height / r[0].Width);
        var axes = grid.Axes((row, column, isX) => isX
            ? new Axis { Visible = false }
            : new Axis { Visible = false, AutoRange = AutoRange.Reversed, ScaleAnchor = grid.XAxisId(row, column) });
        return new Figure
        {
            Data = traces,
            Layout = ChartStyle.BaseLayout(title, 90 + Rows.Count * Math.Clamp(250 * aspect, 90, 420)) with
            {
                Axes = axes, Annotations = annotations, ShowLegend = Legend.Count > 0,
                Margin = new Margin { L = 72, R = 8, T = 72, B = 8 },
                // plotly.js's validate breaks on legend attributes of a figure without a legend.
                Legend = Legend.Count > 0 ? new Legend { Title = "classes", ItemSizing = ItemSizing.Constant } : null,
            },
            Config = ChartStyle.Config("samples"),
        };
    }

    /// <summary>The grid as one RGB picture: panels left to right, samples top to bottom, 4-pixel white gaps.</summary>
    public ImageData ToImage()
    {
        var cellW = Rows.SelectMany(r => r).Max(p => p.Width);
        var cellH = Rows.SelectMany(r => r).Max(p => p.Height);
        var (width, height) = (Columns.Count * cellW + (Columns.Count - 1) * GapPixels, Rows.Count * cellH + (Rows.Count - 1) * GapPixels);
        var pixels = new byte[width * height * 3];
        Array.Fill(pixels, (byte)255);
        for (var r = 0; r < Rows.Count; r++)
            for (var c = 0; c < Columns.Count; c++)
            {
                var panel = Rows[r][c];
                for (var y = 0; y < panel.Height; y++)
                    panel.Row(y).CopyTo(pixels.AsSpan(((r * (cellH + GapPixels) + y) * width + c * (cellW + GapPixels)) * 3, panel.Width * 3));
            }
        return new ImageData(width, height, 3, pixels);
    }

    /// <summary>The grid as PNG bytes.</summary>
    public byte[] ToPng() => ImageFile.EncodePng(ToImage());

    /// <summary>Writes the grid as a PNG file (atomically).</summary>
    public void WritePng(string path) => ImageFile.WritePng(path, ToImage());

    static Annotation Heading(string text, string x, string y, double at, YAnchor anchor) => new()
    {
        Text = text, XRef = x + " domain", YRef = y + " domain", X = 0.5, Y = at, XAnchor = XAnchor.Center, YAnchor = anchor, ShowArrow = false,
        Font = new Font { Size = 12, Color = "#444444" },
    };

    static void CheckSample(int s, ImageData image, ImageData first, ImageData second)
    {
        if (image.Channels != 3) throw new ArgumentException($"Sample {s}: the image has {image.Channels} channel(s); decode it with ColorMode.Rgb.");
        foreach (var other in new[] { first, second })
            if (other.Width != image.Width || other.Height != image.Height)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Sample {s}: the panels differ in size ({image.Width}x{image.Height} vs {other.Width}x{other.Height}); every panel of a sample must be the image's size."));
    }

    static ImageData Colorize(ImageData labels, RunClasses classes)
    {
        if (labels.Channels != 1) throw new ArgumentException($"A label map has one channel of class indices, got {labels.Channels}; decode masks with ColorMode.Labels.");
        var lut = new Rgb24[256];
        for (var i = 0; i < 256; i++) lut[i] = i == classes.IgnoreIndex ? IgnoredColor : i < classes.Names.Count ? classes.ColorOf(i) : UnknownColor;
        var rgb = new byte[labels.Pixels.Length * 3];
        for (var i = 0; i < labels.Pixels.Length; i++)
        {
            var c = lut[labels.Pixels[i]];
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = (c.R, c.G, c.B);
        }
        return new ImageData(labels.Width, labels.Height, 3, rgb);
    }

    static (ImageData Map, bool AnyIgnored, bool AnyError) ErrorMap(ImageData truth, ImageData pred, int? ignoreIndex)
    {
        var rgb = new byte[truth.Pixels.Length * 3];
        var (anyIgnored, anyError) = (false, false);
        for (var i = 0; i < truth.Pixels.Length; i++)
        {
            var ignored = truth.Pixels[i] == ignoreIndex;
            var wrong = !ignored && truth.Pixels[i] != pred.Pixels[i];
            (anyIgnored, anyError) = (anyIgnored || ignored, anyError || wrong);
            var c = ignored ? IgnoredColor : wrong ? ErrorColor : CorrectColor;
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = (c.R, c.G, c.B);
        }
        return (new ImageData(truth.Width, truth.Height, 3, rgb), anyIgnored, anyError);
    }

    // Without classes.json the truth PNG's own palette colours the classes (named by index).
    static RunClasses ClassesFromPalette(ImageData truth)
    {
        var count = truth.Pixels.Where(p => p != 255).Select(p => (int)p).DefaultIfEmpty(-1).Max() + 1;
        var colors = truth.Palette?.Colors.Take(count).ToArray() ?? [];
        return new RunClasses(Enumerable.Range(0, count).Select(i => $"class {i}").ToArray(), colors, 255, false);
    }

    static ImageData Rgb(string path) => ImageFile.Read(path, ColorMode.Rgb);

    static ImageData Labels(string path) => ImageFile.Read(path, ColorMode.Labels);
}
