namespace SegGanLab.Plots.Tests.Figures;

/// <summary>A figure that sets every attribute the model names, so the schema test covers all of them.</summary>
static class KitchenSink
{
    // The smallest valid PNG: 1x1, RGB, one black pixel.
    internal static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC");

    public static Figure Create()
    {
        var font = new Font { Family = "sans-serif", Size = 12, Color = "#333333" };
        var line = new Line { Color = "#1f77b4", Width = 2, Dash = Dash.DashDot, Shape = LineShape.Spline };
        var marker = new Marker
        {
            Color = new[] { "#ff0000", "rgba(0,0,255,0.5)" }, Size = 6, Symbol = "star", Opacity = 0.9,
            Line = new MarkerLine { Color = "#000000", Width = 1 },
        };
        var axis = new Axis
        {
            Title = new Title { Text = "step", Font = font, Standoff = 4 }, Type = AxisType.Linear, Range = [0, 10],
            AutoRange = AutoRange.Off, RangeMode = RangeMode.ToZero, Domain = [0, 0.45], Anchor = "y", Side = Side.Bottom,
            Visible = true, ShowGrid = true, GridColor = "#eeeeee", ZeroLine = false, ShowLine = true, ShowTickLabels = true,
            TickFormat = ".2f", ExponentFormat = ExponentFormat.E, TickSuffix = "%", TickAngle = -30, TickMode = TickMode.Array, TickVals = new[] { 0.0, 5 }, TickText = new[] { "zero", "five" },
            AutoMargin = true,
        };
        return new Figure
        {
            Data =
            [
                new Scatter
                {
                    X = new[] { 1.0, 2, 3 }, Y = new double?[] { 0.5, null, double.NaN }, Mode = ScatterMode.Lines | ScatterMode.Markers | ScatterMode.Text,
                    Line = line, Marker = marker, Fill = Fill.ToZeroY, FillColor = "rgba(31,119,180,0.2)", ConnectGaps = false,
                    TextPosition = TextPosition.TopCenter, Name = "loss", Visible = TraceVisibility.LegendOnly, Opacity = 0.5,
                    XAxis = "x", YAxis = "y", HoverTemplate = "%{y}<extra></extra>", HoverInfo = HoverInfo.X | HoverInfo.Y,
                    Text = new[] { "a", "b", "c" }, CustomData = new[] { 1L, 2, 3 }, ShowLegend = true, LegendGroup = "g",
                    LegendRank = 1, Extra = new Dictionary<string, object> { ["zorder"] = 2 },
                },
                new Bar
                {
                    X = new[] { "a", "b" }, Y = new[] { 1.0, 2 }, Orientation = Orientation.V, Marker = marker with { Symbol = null, Size = null },
                    TextTemplate = "%{y:.1f}", TextPosition = BarTextPosition.Outside, Width = 0.8, XAxis = "x2", YAxis = "y2",
                },
                new Heatmap
                {
                    Z = new double?[][] { [1, null], [3, 4] }, X = new[] { "p", "q" }, Y = new[] { "p", "q" },
                    ColorScale = ColorScale.FromStops((0, "#ffffff"), (1, "#08306b")), ReverseScale = false, ZMin = 0, ZMax = 100,
                    ShowScale = true, ColorBar = new ColorBar { Title = "%", TickFormat = ".0f", TickSuffix = "%", Len = 0.8, Thickness = 12, X = 1.02 },
                    TextTemplate = "%{z:.1f}", TextFont = font, XGap = 1, YGap = 1, HoverOnGaps = false,
                },
                new Image { Source = DataUri.Png(OnePixelPng), X0 = 0, Y0 = 0, Dx = 1, Dy = 1, XAxis = "x3", YAxis = "y3", HoverInfo = HoverInfo.Skip },
                new Image { Z = new object?[][] { [new[] { 255, 0, 0 }, new[] { 0, 255, 0 }] }, XAxis = "x3", YAxis = "y3" },
            ],
            Layout = new Layout
            {
                Title = new Title { Text = "everything", Font = font, X = 0.5, XAnchor = XAnchor.Center },
                Width = 800, Height = 500, Margin = new Margin { L = 50, R = 20, T = 40, B = 40, Pad = 2 }, Font = font,
                ShowLegend = true, HoverMode = HoverMode.XUnified, BarMode = BarMode.Group, BarGap = 0.2,
                Legend = new Legend
                {
                    Orientation = Orientation.H, X = 0, Y = 1.05, XAnchor = XAnchor.Left, YAnchor = YAnchor.Bottom, Title = "terms",
                    TraceOrder = "grouped", ItemSizing = ItemSizing.Constant, BgColor = "rgba(255,255,255,0.8)", Font = font,
                },
                Grid = new Grid { Rows = 1, Columns = 3, Pattern = GridPattern.Independent, RowOrder = GridRowOrder.TopToBottom, XGap = 0.1, YGap = 0.1 },
                Annotations =
                [
                    new Annotation
                    {
                        Text = "best", X = 2, Y = 0.5, XRef = "x", YRef = "y domain", XAnchor = XAnchor.Left, YAnchor = YAnchor.Bottom,
                        ShowArrow = true, ArrowHead = 2, Ax = 20, Ay = -30, Font = font, BgColor = "#ffffff",
                    },
                ],
                Shapes =
                [
                    new Shape
                    {
                        Type = ShapeType.Line, X0 = 0, X1 = 1, Y0 = 0.5, Y1 = 0.5, XRef = "x domain", YRef = "y", Line = line with { Shape = null },
                        FillColor = "#cccccc", Opacity = 0.5, Layer = ShapeLayer.Below,
                    },
                ],
                Colorway = ["#1f77b4", "#ff7f0e"], PaperBgColor = "#ffffff", PlotBgColor = "#fafafa",
                Axes = new Dictionary<string, Axis>
                {
                    ["x"] = axis,
                    ["y"] = axis with { Anchor = "x", Domain = null, Side = Side.Left, Title = "loss", Range = null, AutoRange = AutoRange.On },
                    ["y4"] = axis with { Anchor = "x", Overlaying = "y", Side = Side.Right, Domain = null, Type = AxisType.Log },
                    ["x2"] = axis with { Type = AxisType.Category, Matches = null, Anchor = "y2", Domain = [0.55, 1] },
                    ["y2"] = axis with { Anchor = "x2", Domain = null, Matches = "y" },
                    ["x3"] = axis with { Anchor = "y3", Domain = null, Visible = false },
                    ["y3"] = axis with { Anchor = "x3", Domain = null, AutoRange = AutoRange.Reversed, ScaleAnchor = "x3", ScaleRatio = 1 },
                },
                Extra = new Dictionary<string, object> { ["uirevision"] = "keep" },
            },
            Config = new Config
            {
                Responsive = true, DisplayModeBar = true, DisplayLogo = false, ScrollZoom = false,
                ModeBarButtonsToRemove = ["lasso2d", "select2d"],
                ToImageButtonOptions = new ImageExportOptions { Format = "png", Filename = "figure", Scale = 2 },
            },
        };
    }
}
