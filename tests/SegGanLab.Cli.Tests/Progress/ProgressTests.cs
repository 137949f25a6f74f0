using System.Text.RegularExpressions;
using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Plots;
using SegGanLab.Training;
using Xunit;
using static SegGanLab.Models.Models;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Cli.Tests;

/// <summary>The progress shown while training: smoothing, formats, and the plain lines of a real (tiny) run.</summary>
public sealed class ProgressTests
{
    static TrainRecord Record(long step, double total, double lr = 2e-4) =>
        new(step, step / 10.0, step, new Dictionary<string, double> { ["G/total"] = total, ["G/ce"] = total / 2 }, new Dictionary<string, double> { ["G"] = lr });

    [Fact]
    public void Losses_AreSmoothedWithBiasCorrection_SoTheFirstStepShowsItsOwnValue()
    {
        var status = new TrainingStatus();
        status.Record(Record(1, 1.0));
        Assert.Equal(1.0, status.Losses.First().Value, 12);
        status.Record(Record(2, 0.0));
        // (0.98 * 0.02 * 1.0 + 0.02 * 0.0) / (1 - 0.98^2): the average of two steps, weighted toward the older.
        Assert.Equal(0.98 * 0.02 / (1 - 0.98 * 0.98), status.Losses.First().Value, 12);
        Assert.Equal(["G/total", "G/ce"], status.Losses.Select(l => l.Name));
        Assert.Equal("G/total 0.495  G/ce 0.247", status.LossText);
        Assert.Equal("lr 2.0e-04", status.LearningRateText);
    }

    [Theory]
    [InlineData(600, 50)]
    [InlineData(1000, 50)]
    [InlineData(45, 5)]
    [InlineData(10, 1)]
    [InlineData(1, 1)]
    public void PlainLines_ComeAboutTwentyTimesARun_AtRoundSteps(long steps, long every) =>
        Assert.Equal(every, PlainProgress.AutomaticInterval(steps));

    [Theory]
    [InlineData("mIoU", 0.7123, "71.2%")]
    [InlineData("PSNR", 24.314, "24.31 dB")]
    [InlineData("SSIM", 0.9341, "0.934")]
    [InlineData("mIoU", double.NaN, "n/a")]
    public void Metrics_ShowAsTheReportsDo(string name, double value, string text) =>
        Assert.Equal(text, new TrainingStatus().Metric(value, name));

    [Fact]
    public void PlainProgress_WritesStartEveryNStepsEachEvaluationAndTheResult()
    {
        manual_seed(1);
        var train = Datasets.Synthetic(count: 8, width: 32, height: 32, seed: 1);
        var val = Datasets.Synthetic(count: 4, width: 32, height: 32, seed: 2);
        var data = new SegmentationData(new DataLoader(train, null, new LoaderOptions { BatchSize = 4, Workers = 0 }),
                                        new DataLoader(val, null, new LoaderOptions { BatchSize = 4, Workers = 0, Shuffle = false }), Samples: 0);
        var model = UNet(inChannels: 3, numClasses: data.Classes.Count, depth: 2, baseWidth: 4);
        using var recipe = new SupervisedRecipe(model, optim.Adam(model.parameters(), lr: 1e-2), null, Loss.CrossEntropy(), data);
        var lines = new StringWriter();
        var options = new TrainerOptions { Steps = 6, EvaluateEvery = 3, WriteReport = false };
        var result = new Trainer(recipe, options, null, [new PlainProgress(lines, every: 2)]).Fit();

        var text = lines.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("supervised: training for 6 steps", text[0]);
        Assert.Matches(new Regex(@"^step 2/6 \(33%\)  eta \d+:\d\d  [\d.]+ steps/s  G/ce \d\.\d{3}  G/total \d\.\d{3}  lr 1\.0e-02$"), text[1]);
        Assert.StartsWith("evaluation at step 3: val mIoU ", text[2]);
        Assert.EndsWith($"(best mIoU {new TrainingStatus().Metric(result.Evaluations[0].Metric("mIoU"))} at step 3)", text[2]);
        Assert.StartsWith("step 4/6 (67%)  eta ", text[3]);
        Assert.Contains("mIoU ", text[3]);
        Assert.StartsWith("step 6/6 (100%)  eta 0:00  ", text[4]);
        Assert.StartsWith("evaluation at step 6: val mIoU ", text[5]);
        Assert.Equal($"supervised: {result}", text[6]);
        Assert.Equal(7, text.Length);
    }
}
