using SegGanLab.Plots.Tests.Runs;
using Xunit;

namespace SegGanLab.Plots.Tests.Charts;

public class ChartTests
{
    [Fact]
    public void Ema_IsDebiased_SkipsGaps_AndKeepsConstantsExact()
    {
        var s = Smoothing.Ema([2.0, 4.0, double.NaN, 4.0], 0.5);
        Assert.Equal(2.0, s[0], 12);                    // no pull toward zero at the start
        Assert.Equal((0.25 * 2 + 0.5 * 4) / 0.75, s[1], 12);
        Assert.True(double.IsNaN(s[2]));
        Assert.Equal((0.125 * 2 + 0.25 * 4 + 0.5 * 4) / 0.875, s[3], 12);
        Assert.All(Smoothing.Ema(Enumerable.Repeat(0.6, 50).ToArray(), 0.9), v => Assert.Equal(0.6, v));
        Assert.Equal([1.0, 5.0], Smoothing.Ema([1.0, 5.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Smoothing.Ema([1.0], 1));
    }

    [Fact]
    public void LossChart_HasAPanelPerSide_RawAndSmoothedPerTerm_AndLearningRatesOnSecondAxes()
    {
        using var fixture = FixtureRun.Segmentation();
        var figure = LossChart.Create(RunFolder.Read(fixture.Folder).Train);
        var scatters = figure.Data.Cast<Scatter>().ToList();
        // 7 terms, each raw (faint, no legend) and smoothed, plus lr G and lr D.
        Assert.Equal(7 * 2 + 2, scatters.Count);
        var raw = scatters.Single(t => t.Name == "G/ce" && t.ShowLegend == false);
        var smooth = scatters.Single(t => t.Name == "G/ce" && t.ShowLegend is null);
        Assert.StartsWith("rgba(", raw.Line!.Color, StringComparison.Ordinal);
        Assert.Equal(raw.LegendGroup, smooth.LegendGroup);
        Assert.Equal(Smoothing.Ema(raw.Y!.Values.Cast<double>().ToArray(), LossChart.DefaultSmoothing), smooth.Y!.Values.Cast<double>());
        Assert.All(scatters.Where(t => t.Name!.StartsWith("D/", StringComparison.Ordinal)), t => Assert.Equal("y2", t.YAxis));
        var axes = figure.Layout.Axes!;
        var lrG = scatters.Single(t => t.Name == "lr G");
        var lrD = scatters.Single(t => t.Name == "lr D");
        Assert.Equal("y", axes[lrG.YAxis!].Overlaying);
        Assert.Equal("y2", axes[lrD.YAxis!].Overlaying);
        Assert.Equal(Side.Right, axes[lrG.YAxis!].Side);
        Assert.Equal("x", axes["x2"].Matches);
    }

    [Fact]
    public void LossChart_WithoutLosses_SaysWhereTheyComeFrom()
    {
        var e = Assert.Throws<ArgumentException>(() => LossChart.Create([new TrainRecord(1, 0, 0, new Dictionary<string, double>(), new Dictionary<string, double>())]));
        Assert.Contains("\"losses\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricChart_ShowsPercentages_StarsTheBest_AndLabelsTheBestMIoU()
    {
        using var fixture = FixtureRun.Segmentation();
        var run = RunFolder.Read(fixture.Folder);
        var figure = MetricChart.Create(run.Evals);
        var miou = figure.Data.Cast<Scatter>().Single(t => t.Name == "mIoU");
        Assert.Equal(run.Evals.Select(e => e.Metric("mIoU") * 100), miou.Y!.Values.Cast<double>());
        var star = figure.Data.Cast<Scatter>().Single(t => t.Name == "best mIoU");
        Assert.Equal(run.BestEval!.Step, (double)star.X!.Values[0]!);
        Assert.Contains("best mIoU", Assert.Single(figure.Layout.Annotations!).Text, StringComparison.Ordinal);
        Assert.Equal(TraceVisibility.LegendOnly, figure.Data.Cast<Scatter>().Single(t => t.Name == "mDice").Visible);
        Assert.Null(miou.Visible);
    }

    [Fact]
    public void MetricChart_ForDeblur_PutsSsimOnASecondAxis()
    {
        using var fixture = FixtureRun.Deblur();
        var figure = MetricChart.Create(RunFolder.Read(fixture.Folder).Evals);
        Assert.Equal("y2", figure.Data.Cast<Scatter>().Single(t => t.Name == "SSIM").YAxis);
        Assert.Equal("PSNR (dB)", figure.Layout.Axes!["y"].Title!.Text);
        Assert.Equal("y", figure.Layout.Axes["y2"].Overlaying);
    }

    [Fact]
    public void PerClassChart_ColoursBarsWithThePalette_AndMarksAbsentClasses()
    {
        using var fixture = FixtureRun.Segmentation();
        var run = RunFolder.Read(fixture.Folder);
        var eval = run.BestEval! with { PerClass = [.. run.BestEval!.PerClass.Take(2), run.BestEval.PerClass[2] with { Iou = double.NaN }] };
        var figure = PerClassChart.Create(eval, run.Classes);
        var bar = Assert.IsType<Bar>(Assert.Single(figure.Data));
        Assert.Equal(["#000000", "#e6194b", "#3cb44b"], bar.Marker!.Color!.Many!);
        Assert.Equal(FixtureRun.ClassNames, bar.X!.Values.Cast<string>());
        Assert.Equal("", bar.Text!.Values[2]);
        Assert.Contains(figure.Layout.Annotations!, a => a.Text == "absent" && a.X == 2);
        Assert.Contains(figure.Layout.Annotations!, a => a.Text!.StartsWith("mIoU", StringComparison.Ordinal));
        Assert.Equal(ShapeType.Line, Assert.Single(figure.Layout.Shapes!).Type);
    }

    [Fact]
    public void ConfusionChart_IsRowNormalisedPercent_AndAnnotatesOnlySmallMatrices()
    {
        var small = ConfusionChart.Create(new ConfusionMatrix(["a", "b"], [[3, 1], [0, 0]]));
        var heatmap = Assert.IsType<Heatmap>(Assert.Single(small.Data));
        var z = (double[][])heatmap.Z!.Values;
        Assert.Equal([75.0, 25.0], z[0]);
        Assert.All(z[1], v => Assert.True(double.IsNaN(v)));
        Assert.NotNull(heatmap.TextTemplate);
        Assert.Equal(AutoRange.Reversed, small.Layout.Axes!["y"].AutoRange);

        var names = Enumerable.Range(0, ConfusionChart.AnnotateUpTo + 1).Select(i => $"c{i}").ToArray();
        var counts = names.Select((_, i) => names.Select((_, j) => i == j ? 10L : 1L).ToArray()).ToArray();
        Assert.Null(((Heatmap)ConfusionChart.Create(new ConfusionMatrix(names, counts)).Data[0]).TextTemplate);
    }

    [Fact]
    public void MaskGrid_ColoursLabels_MarksErrorsAndIgnoredPixels_AndListsPresentClasses()
    {
        using var fixture = FixtureRun.Segmentation();
        var run = RunFolder.Read(fixture.Folder);
        var eval = run.Evals[0];
        var grid = MaskGrid.Load(run.ReadSamples(eval)!, run.Classes, maxSamples: 2);
        Assert.Equal(["image", "ground truth", "prediction", "errors"], grid.Columns);
        Assert.Equal(2, grid.Rows.Count);
        Assert.Equal(["background", "disc", "square", "ignored", "error"], grid.Legend.Select(l => l.Name));

        var (w, h) = (FixtureRun.Width, FixtureRun.Height);
        var truth = Imaging.ImageFile.Read(Path.Combine(fixture.Folder, eval.Samples!, "truth-0.png"), Imaging.ColorMode.Labels).Pixels;
        var pred = Imaging.ImageFile.Read(Path.Combine(fixture.Folder, eval.Samples!, "pred-0.png"), Imaging.ColorMode.Labels).Pixels;
        Assert.Contains(Enumerable.Range(w, w * (h - 1)), i => truth[i] != pred[i]);
        var (errors, truthPanel) = (grid.Rows[0][3], grid.Rows[0][1]);
        for (var i = 0; i < w * h; i++)
        {
            var expected = truth[i] == 255 ? MaskGrid.IgnoredColor : truth[i] == pred[i] ? MaskGrid.CorrectColor : MaskGrid.ErrorColor;
            Assert.Equal(expected, Pixel(errors, i));
            Assert.Equal(truth[i] == 255 ? MaskGrid.IgnoredColor : run.Classes!.Palette[truth[i]], Pixel(truthPanel, i));
        }

        var image = grid.ToImage();
        Assert.Equal((4 * w + 3 * 4, 2 * h + 4), (image.Width, image.Height));
        Assert.Equal(image.Pixels, Imaging.ImageFile.Decode(grid.ToPng(), Imaging.ColorMode.Rgb).Pixels);

        var figure = grid.ToFigure();
        Assert.Equal(8, figure.Data.OfType<Image>().Count());
        Assert.Equal(5, figure.Data.OfType<Scatter>().Count(t => t.ShowLegend == true));
    }

    [Fact]
    public void MaskGrid_RejectsPanelsOfDifferentSizes()
    {
        var image = new Imaging.ImageData(4, 4, 3);
        var classes = RunClasses.Default(["a", "b"]);
        var e = Assert.Throws<ArgumentException>(() => MaskGrid.FromLabels([(image, new Imaging.ImageData(4, 4, 1), new Imaging.ImageData(3, 4, 1))], classes));
        Assert.Contains("4x4 vs 3x4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareChart_OverlaysRunsInOneColourEach_AndTablesTheirBest()
    {
        using var a = FixtureRun.Segmentation("a", seed: 1);
        using var b = FixtureRun.Segmentation("b", seed: 2, steps: 100);
        var runs = new[] { RunFolder.Read(a.Folder), RunFolder.Read(b.Folder) };
        var metrics = CompareChart.Metrics(runs);
        Assert.Equal(3, metrics.Layout.Axes!.Count(kv => kv.Key.StartsWith('y')));   // mIoU, mAcc, aAcc panels
        var legend = metrics.Data.Cast<Scatter>().Where(t => t.ShowLegend == true).ToList();
        Assert.Equal(runs.Select(r => r.Label), legend.Select(t => t.Name));
        Assert.NotEqual(legend[0].Line!.Color, legend[1].Line!.Color);
        var losses = CompareChart.Losses(runs);
        Assert.Equal(["G/total", "D/total"], losses.Layout.Axes!.Where(kv => kv.Key.StartsWith('y')).Select(kv => kv.Value.Title!.Text));
        var table = CompareChart.Table(runs);
        Assert.Equal(runs[1].BestEval, table[1].Best);
        Assert.Contains("steps=100", table[1].Changed);
    }

    static Imaging.Rgb24 Pixel(Imaging.ImageData rgb, int i) => new(rgb.Pixels[3 * i], rgb.Pixels[3 * i + 1], rgb.Pixels[3 * i + 2]);
}
