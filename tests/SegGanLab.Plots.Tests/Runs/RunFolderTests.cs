using Xunit;

namespace SegGanLab.Plots.Tests.Runs;

public class RunFolderTests
{
    [Fact]
    public void Read_ParsesEveryFileOfTheContract()
    {
        using var fixture = FixtureRun.Segmentation();
        var run = RunFolder.Read(fixture.Folder);
        Assert.Equal("quickstart", run.Name);
        Assert.Equal("gan", run.Options!.Recipe);
        Assert.Equal(0L, run.Options.Seed);
        Assert.Equal(FixtureRun.ClassNames, run.Classes!.Names);
        Assert.Equal(new Imaging.Rgb24(230, 25, 75), run.Classes.Palette[1]);
        Assert.Equal(255, run.Classes.IgnoreIndex);
        Assert.Equal(FixtureRun.Steps / FixtureRun.TrainEvery, run.Train.Count);
        Assert.Equal(FixtureRun.Steps / FixtureRun.EvalEvery, run.Evals.Count);
        Assert.Equal(200L, run.LastStep);
        var train = run.Train[0];
        Assert.Equal(10L, train.Step);
        Assert.Equal(0.25, train.Epoch, 12);
        Assert.Equal(["G/ce", "G/dice", "G/adv", "G/total", "D/real", "D/fake", "D/total"], train.Losses.Keys);
        Assert.Equal(2e-4, train.LearningRates["G"], 12);
        var eval = run.Evals[0];
        Assert.Equal("val", eval.Split);
        Assert.Equal(3, eval.PerClass.Count);
        Assert.Equal("confusion/step-0000050.json", eval.Confusion);
        Assert.Equal("1.13.1", run.Environment!["libtorch.version"]);
        Assert.Equal("abc1234", run.Environment["seggan.commit"]);
    }

    [Fact]
    public void Options_MarkTheOnesThatDifferFromTheirDefault()
    {
        using var fixture = FixtureRun.Segmentation();
        var options = RunFolder.Read(fixture.Folder).Options!;
        Assert.Equal(["steps", "adv_weight", "crop"], options.Changed.Select(o => o.Name));
        var crop = options.Options.Single(o => o.Name == "crop");
        Assert.Equal("[32,48]", crop.ValueText);
        Assert.Equal("[256,256]", crop.DefaultText);
        Assert.Equal("unet", options.Options.Single(o => o.Name == "model").ValueText);
    }

    [Fact]
    public void Best_IsTheHighestPrimaryMetric_AndFinalTheLastEvaluation()
    {
        using var fixture = FixtureRun.Segmentation();
        var run = RunFolder.Read(fixture.Folder);
        Assert.Equal("mIoU", run.PrimaryMetric);
        Assert.Equal(run.Evals.MaxBy(e => e.Metric("mIoU"))!.Step, run.BestEval!.Step);
        Assert.Equal(200L, run.FinalEval!.Step);
        Assert.NotEqual(run.FinalEval.Step, run.BestEval.Step); // the fixture's last evaluation dips
    }

    [Fact]
    public void DeblurRun_UsesPsnrAsItsPrimaryMetric()
    {
        using var fixture = FixtureRun.Deblur();
        var run = RunFolder.Read(fixture.Folder);
        Assert.True(run.IsDeblur);
        Assert.Equal("PSNR", run.PrimaryMetric);
        Assert.Equal(100L, run.BestEval!.Step);
        Assert.Equal(SampleKind.Deblur, run.ReadSamples(run.BestEval)!.Kind);
    }

    [Fact]
    public void UnfinishedLastLine_IsIgnored_AsARunStillWriting()
    {
        using var fixture = FixtureRun.Segmentation();
        File.AppendAllText(fixture.PathOf("metrics.jsonl"), "{\"kind\": \"train\", \"step\": 21");
        Assert.Equal(FixtureRun.Steps / FixtureRun.TrainEvery, RunFolder.Read(fixture.Folder).Train.Count);
    }

    [Fact]
    public void MalformedLine_IsAnErrorNamingTheFileAndLine()
    {
        using var fixture = FixtureRun.Segmentation();
        var lines = File.ReadAllLines(fixture.PathOf("metrics.jsonl")).ToList();
        lines.Insert(2, "{not json");
        File.WriteAllLines(fixture.PathOf("metrics.jsonl"), lines);
        var e = Assert.Throws<RunFolderException>(() => RunFolder.Read(fixture.Folder));
        Assert.Contains("metrics.jsonl line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordWithoutStep_IsAnErrorThatSaysWhatIsNeeded()
    {
        using var fixture = FixtureRun.Segmentation();
        File.WriteAllText(fixture.PathOf("metrics.jsonl"), "{\"kind\": \"train\", \"losses\": {}}\n");
        var e = Assert.Throws<RunFolderException>(() => RunFolder.Read(fixture.Folder));
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"step\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteLosses_ReadAsNaN_WhetherNullOrNamed()
    {
        using var fixture = FixtureRun.Segmentation();
        File.WriteAllText(fixture.PathOf("metrics.jsonl"),
            "{\"kind\":\"train\",\"step\":1,\"losses\":{\"G/ce\":null,\"G/adv\":\"NaN\",\"D/total\":\"Infinity\"}}\n{\"kind\":\"note\",\"step\":2}\n");
        var run = RunFolder.Read(fixture.Folder);
        var losses = Assert.Single(run.Train).Losses;
        Assert.True(double.IsNaN(losses["G/ce"]));
        Assert.True(double.IsNaN(losses["G/adv"]));
        Assert.True(double.IsPositiveInfinity(losses["D/total"]));
    }

    [Fact]
    public void MissingOrForeignFolder_IsAnErrorThatSaysWhatARunFolderIs()
    {
        var missing = Assert.Throws<RunFolderException>(() => RunFolder.Read("/nonexistent/run"));
        Assert.Contains("No run folder at /nonexistent/run", missing.Message, StringComparison.Ordinal);
        var empty = Directory.CreateTempSubdirectory("seggan-not-a-run-");
        try
        {
            var e = Assert.Throws<RunFolderException>(() => RunFolder.Read(empty.FullName));
            Assert.Contains("neither options.json nor metrics.jsonl", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void BadPalette_IsAnErrorNamingTheEntry()
    {
        using var fixture = FixtureRun.Segmentation();
        fixture.Write("classes.json", new { names = new[] { "a", "b" }, palette = new object[] { new[] { 0, 0, 0 }, new[] { 300, 0, 0 } } });
        var e = Assert.Throws<RunFolderException>(() => RunFolder.Read(fixture.Folder));
        Assert.Contains("palette[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Confusion_ReadsCountsAndNormalisesRows_EmptyRowsNaN()
    {
        var m = new ConfusionMatrix(["a", "b", "c"], [[3, 1, 0], [0, 0, 0], [1, 1, 2]]);
        var rows = m.RowNormalized();
        Assert.Equal([0.75, 0.25, 0], rows[0]);
        Assert.All(rows[1], v => Assert.True(double.IsNaN(v)));
        Assert.Equal(0.5, rows[2][2]);
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(["a", "b"], [[1, 2]]));

        using var fixture = FixtureRun.Segmentation();
        var run = RunFolder.Read(fixture.Folder);
        var read = run.ReadConfusion(run.Evals[0])!;
        Assert.Equal(FixtureRun.ClassNames, read.Names);
        Assert.Equal(3, read.Counts.Length);
    }

    [Fact]
    public void Samples_ListCompleteSamplesOnly()
    {
        using var fixture = FixtureRun.Segmentation();
        var run = RunFolder.Read(fixture.Folder);
        File.Delete(fixture.PathOf("samples/step-0000050/pred-1.png"));
        var set = run.ReadSamples(run.Evals[0])!;
        Assert.Equal(SampleKind.Segmentation, set.Kind);
        Assert.Equal([0, 2], set.Samples.Select(s => s.Index));
        Assert.EndsWith("truth-2.png", set.Samples[1].Files[1], StringComparison.Ordinal);
    }

    [Fact]
    public void EvalPaths_OutsideTheRunFolder_AreRejected()
    {
        using var fixture = FixtureRun.Segmentation();
        var run = RunFolder.Read(fixture.Folder);
        var e = Assert.Throws<RunFolderException>(() => run.ReadConfusion(run.Evals[0] with { Confusion = "../other/confusion.json" }));
        Assert.Contains("outside the run folder", e.Message, StringComparison.Ordinal);
    }
}
