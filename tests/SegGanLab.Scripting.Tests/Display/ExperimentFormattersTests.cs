using SegGanLab.Experiments;
using SegGanLab.Plots;
using SegGanLab.Training;
using Xunit;

namespace SegGanLab.Scripting.Tests;

public sealed class ExperimentFormattersTests
{
    static ExperimentResult Result(bool cancelled, bool withEvaluations = true)
    {
        var losses = new Dictionary<string, double> { ["G/ce"] = 0.4, ["G/total"] = 0.4 };
        var lr = new Dictionary<string, double> { ["G"] = 1e-3 };
        EvalRecord Eval(long step, double miou) => new(step, 1, 2, "val", new Dictionary<string, double> { ["mIoU"] = miou }, [], null, null);
        var evals = withEvaluations ? new[] { Eval(2, 0.6), Eval(4, 0.55) } : [];
        var training = new RunResult
        {
            Folder = "/tmp/runs/demo-20260101-120000",
            Steps = 4,
            History = [.. Enumerable.Range(1, 4).Select(s => new TrainRecord(s, s / 4.0, s, losses, lr))],
            Evaluations = evals,
            Best = evals.FirstOrDefault(),
            PrimaryMetric = "mIoU",
            LastCheckpoint = "/tmp/runs/demo-20260101-120000/checkpoints/last.safetensors",
            Elapsed = TimeSpan.FromSeconds(12.5),
            Cancelled = cancelled,
        };
        return new ExperimentResult("demo", "supervised", training);
    }

    [Fact]
    public void Result_ShowsSummary_AndLossAndMetricCharts()
    {
        var bundle = Formatter.Format(Result(cancelled: false));
        var html = Assert.IsType<string>(bundle.Data["text/html"]);
        Assert.True(bundle.UsesPlotlyJs);
        Assert.False(bundle.Contains(NotebookBundle.PlotlyMimeType));
        Assert.Contains("<code>/tmp/runs/demo-20260101-120000</code>", html);
        Assert.Contains("<th style=\"text-align:left;vertical-align:top\">steps</th><td style=\"text-align:left\">4</td>", html);
        Assert.Contains("55.0%", html);
        Assert.Contains("60.0% at step 2", html);
        Assert.Contains("12.5s", html);
        Assert.Equal(2, html.Split("Plotly.newPlot").Length - 1);
        Assert.Contains("Losses", html);
        Assert.Contains("Evaluation metrics", html);
        Assert.Contains("demo (supervised)", bundle.PlainText);
    }

    [Fact]
    public void Result_OfAnInterruptedRun_SaysSo_AndWithoutEvaluations_HasOnlyTheLossChart()
    {
        var html = Assert.IsType<string>(Formatter.Format(Result(cancelled: true, withEvaluations: false)).Data["text/html"]);
        Assert.Contains("interrupted", html);
        Assert.Contains("last.safetensors", html);
        Assert.Equal(1, html.Split("Plotly.newPlot").Length - 1);
        Assert.Contains(">n/a<", html);
    }

    [Fact]
    public void Summary_IsATable_OfItsSections()
    {
        var summary = new ExperimentSummary
        {
            Recipe = "gan", Name = "demo", Data = "synthetic, flip", DataLines = ["train: 16 images", "val: 8 images"],
            Models = [new ModelOverview("segmenter", "unet(depth: 2)", "UNet", 1234, null)],
            Losses = new Dictionary<string, string> { ["G"] = "CE + 0.01 * Adv" },
            LossValues = new Dictionary<string, double> { ["G/ce"] = 0.69 },
            Metrics = new Dictionary<string, double> { ["mIoU"] = 0.1 },
            Optimizers = new Dictionary<string, string> { ["G"] = "Adam(lr: 0.001)" },
            Schedule = "constant",
            Training = [new("steps", "100"), new("batch", "4")],
        };
        var bundle = Formatter.Format(summary);
        var html = Assert.IsType<string>(bundle.Data["text/html"]);
        Assert.Contains("Experiment demo", html);
        Assert.Contains("train: 16 images<br>val: 8 images", html);
        Assert.Contains("unet(depth: 2) (UNet, 1,234 parameters)", html);
        Assert.Contains("<code>CE + 0.01 * Adv</code>", html);
        Assert.Contains("steps 100, batch 4", html);
        Assert.Equal(summary.ToString().TrimEnd(), bundle.PlainText);
    }
}
