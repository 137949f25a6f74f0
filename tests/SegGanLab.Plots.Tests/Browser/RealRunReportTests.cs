using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Tests;
using SegGanLab.Training;
using Xunit;
using Xunit.Abstractions;
using static SegGanLab.Models.Models;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Plots.Tests.Browser;

/// <summary>
/// The report of a real run, not a fabricated run folder: a seconds-long supervised U-Net trained by
/// the training engine on tiny synthetic scenes writes its own report.html, which headless Chromium
/// then opens with the same checks as the fixture reports (no console errors, every chart drawn,
/// Plotly.validate clean, screenshot kept).
/// </summary>
public class RealRunReportTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task TrainerWrittenReport_DrawsEveryChart_WithoutErrors()
    {
        using var runs = new TemporaryFolder("seggan-real-report-");
        var folder = TrainTinyRun(runs.Root);
        var report = Path.Combine(folder, "report.html");
        Assert.True(File.Exists(report), $"the trainer wrote no report.html in {folder}");

        var page = await ReportPages.OpenAndCheck(chromium.Browser, report, "real-run-report", output, expectedFigures: 5);
        // Losses, metrics, per-class IoU, confusion and the sample grid: the same five figures a fixture run shows.
        Assert.Equal(5, page.Plots.GetProperty("figures").GetInt32());
    }

    static string TrainTinyRun(string root)
    {
        manual_seed(5);
        var train = Datasets.Synthetic(count: 16, width: 32, height: 32, seed: 5);
        var val = Datasets.Synthetic(count: 4, width: 32, height: 32, seed: 105);
        var data = new SegmentationData(
            new DataLoader(train, TransformPipeline.Empty, new LoaderOptions { BatchSize = 4, Workers = 0, Seed = 5 }),
            new DataLoader(val, TransformPipeline.Empty, new LoaderOptions { BatchSize = 4, Workers = 0, Shuffle = false }),
            Samples: 2);
        var segmenter = UNet(inChannels: 3, numClasses: data.Classes.Count, depth: 2, baseWidth: 8);
        using var recipe = new SupervisedRecipe(segmenter, optim.Adam(segmenter.parameters(), lr: 1e-2), null, Loss.CrossEntropy() + Loss.Dice, data);
        var writer = RunWriter.Create(root, "tiny");
        var classes = data.Classes;
        writer.WriteClasses(classes.Names, classes.Palette, classes.IgnoreIndex, classes.Binary);   // as the DSL does: names and palette for the legend
        new Trainer(recipe, new TrainerOptions { Steps = 6, EvaluateEvery = 3 }, writer).Fit();
        return writer.Folder;
    }
}
