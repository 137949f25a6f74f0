using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary>The checked-in experiments/ scripts, run through the real CLI with their steps scaled down.</summary>
public sealed class ExperimentScriptTests : IDisposable
{
    readonly Seggan _cli = new();

    public void Dispose() => _cli.Dispose();

    static string Script(string name) => Path.Combine(Seggan.RepositoryRoot, "experiments", name);

    [Fact]
    public void Quickstart_RunsToTheEnd_AndSaysWhereItsRunWent()
    {
        _cli.Environment["SEGGAN_STEP_SCALE"] = "0.02";
        var result = _cli.Run("run", Script("quickstart.csx"), "--progress", "none");
        Assert.True(result.ExitCode == 0, result.ToString());
        var run = Assert.Single(Directory.GetDirectories(Path.Combine(_cli.Folder, "runs"), "quickstart-*"));
        foreach (var file in new[] { "options.json", "metrics.jsonl", "classes.json", "script.csx", "checkpoints/last.safetensors", "checkpoints/best.safetensors" })
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} is missing from {run}\n{result}");
        Assert.Contains("\"kind\":\"eval\"", File.ReadAllText(Path.Combine(run, "metrics.jsonl")).Replace(" ", ""));
        Assert.Matches(@"quickstart: final mIoU 0\.\d{3} \(best 0\.\d{3} at step \d+\) after 30 steps", result.Stdout);
        Assert.Contains($"run folder: {run}\n", result.Stdout);
    }

    [Theory]
    [InlineData("camvid-unet.csx", "SEGGAN_CAMVID", "camvid")]
    [InlineData("camvid-unet-adversarial.csx", "SEGGAN_CAMVID", "camvid")]
    [InlineData("membrane-unet.csx", "SEGGAN_MEMBRANE", "membrane")]
    public void DatasetExperiments_Compile_AndNameTheMissingDataAndHowToGiveIt(string script, string variable, string dataset)
    {
        _cli.Environment[variable] = "";
        var result = _cli.Run("run", Script(script));
        Assert.True(result.ExitCode == 2, result.ToString());
        var first = result.Stderr.Split('\n')[0];
        Assert.StartsWith("error: ", first);
        Assert.Contains(variable, first);
        Assert.Contains($"-- ../shared/datasets/{dataset}", first);

        var missing = Path.Combine(_cli.Folder, "no-such-folder");
        var wrong = _cli.Run("run", Script(script), "--", missing);
        Assert.True(wrong.ExitCode == 2, wrong.ToString());
        Assert.StartsWith("error: ", wrong.Stderr);
        Assert.Contains(missing, wrong.Stderr.Split('\n')[0]);
    }
}
