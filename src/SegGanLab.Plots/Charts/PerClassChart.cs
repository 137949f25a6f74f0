using System.Globalization;

namespace SegGanLab.Plots;

/// <summary>
/// Per-class IoU of one evaluation as bars in the classes' palette colours, with the mean
/// (mIoU) as a dashed line. Classes absent from both prediction and truth have no bar and read
/// "absent"; hovering a bar shows all of its class's scores.
/// </summary>
public static class PerClassChart
{
    /// <summary>Builds the per-class figure of <paramref name="eval"/>.</summary>
    /// <param name="eval">An evaluation with a per-class table.</param>
    /// <param name="classes">The dataset's classes, for bar colours; distinct default colours when null.</param>
    /// <exception cref="ArgumentException">The evaluation has no per-class table.</exception>
    public static Figure Create(EvalRecord eval, RunClasses? classes = null)
    {
        if (eval.PerClass.Count == 0)
            throw new ArgumentException($"The evaluation at step {eval.Step} has no per-class table (deblur runs have none).", nameof(eval));
        var rows = eval.PerClass;
        var names = rows.Select(r => r.Name).ToArray();
        var colors = rows.Select((r, i) => ChartStyle.Css(ColorOf(r.Name, i, classes))).ToArray();
        var iou = rows.Select(r => r.Iou * 100).ToArray();
        var mean = eval.Metric("mIoU") is var m && double.IsFinite(m) ? m : rows.Select(r => r.Iou).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
        var shapes = new List<Shape>();
        var annotations = rows.Select((r, i) => (r, i)).Where(p => !double.IsFinite(p.r.Iou))
            .Select(p => new Annotation { X = p.i, Y = 0, XRef = "x", YRef = "y", Text = "absent", ShowArrow = false, YAnchor = YAnchor.Bottom, Font = new Font { Color = "#999999", Size = 10 } })
            .ToList();
        if (double.IsFinite(mean))
        {
            shapes.Add(new Shape { Type = ShapeType.Line, XRef = "x domain", X0 = 0, X1 = 1, YRef = "y", Y0 = mean * 100, Y1 = mean * 100, Line = new Line { Color = "#444444", Width = 1.5, Dash = Dash.Dash } });
            annotations.Add(new Annotation
            {
                XRef = "x domain", X = 1, YRef = "y", Y = mean * 100, XAnchor = XAnchor.Right, YAnchor = YAnchor.Bottom, ShowArrow = false,
                Text = "mIoU " + ChartStyle.Percent(mean), BgColor = "rgba(255,255,255,0.8)",
            });
        }
        var bars = new Bar
        {
            X = names, Y = iou, Name = "IoU", ShowLegend = false, TextPosition = BarTextPosition.Outside,
            Text = iou.Select(v => double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) : "").ToArray(),
            Marker = new Marker { Color = colors, Line = new MarkerLine { Color = "#555555", Width = 0.75 } },
            CustomData = rows.Select(r => new[] { r.Acc * 100, r.Dice * 100, r.Precision * 100, r.Recall * 100 }).ToArray(),
            HoverTemplate = "<b>%{x}</b><br>IoU %{y:.1f}%<br>Acc %{customdata[0]:.1f}%<br>Dice %{customdata[1]:.1f}%"
                + "<br>Precision %{customdata[2]:.1f}%<br>Recall %{customdata[3]:.1f}%<extra></extra>",
        };
        return new Figure
        {
            Data = [bars],
            Layout = ChartStyle.BaseLayout(string.Create(CultureInfo.InvariantCulture, $"Per-class IoU at step {eval.Step} ({eval.Split})"), 420) with
            {
                Axes = new Dictionary<string, Axis>
                {
                    ["x"] = ChartStyle.ValueAxis(null, grid: false) with { Type = AxisType.Category, TickAngle = names.Length > 8 ? -40 : null },
                    ["y"] = ChartStyle.ValueAxis("IoU") with { TickSuffix = "%", Range = [0, 105], AutoRange = AutoRange.Off },
                },
                Shapes = shapes, Annotations = annotations,
            },
            Config = ChartStyle.Config("per-class-iou"),
        };
    }

    static Imaging.Rgb24 ColorOf(string name, int index, RunClasses? classes)
    {
        if (classes is null) return ChartStyle.Category(index);
        var at = classes.Names.ToList().IndexOf(name);
        return classes.ColorOf(at >= 0 ? at : index);
    }
}
