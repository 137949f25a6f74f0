using System.Text.Json;
using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary><c>seggan eval</c> on a run trained by the fixture.</summary>
public sealed class EvalCommandTests(TinyRun run) : IClassFixture<TinyRun>
{
    static readonly string[] Classes = ["background", "disc", "square", "triangle", "ring", "cross"];

    Seggan Cli => run.Cli;

    [Fact]
    public void Eval_PrintsThePerClassTable_PlainWhenRedirected()
    {
        var result = Cli.Run("eval", run.Folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("tiny (supervised), best.safetensors at step 2: Synthetic 16x16 seed 31249 (val, 8 samples)", lines[0]);
        Assert.Matches(@"^class\s+IoU\s+Acc\s+Dice\s+Prec$", lines[1]);
        Assert.Equal(Classes, lines[2..8].Select(l => l.Split(' ')[0]));
        Assert.Matches(@"^mIoU \d+\.\d\d  mAcc \d+\.\d\d  aAcc \d+\.\d\d  mDice \d+\.\d\d  fwIoU \d+\.\d\d$", lines[8]);
        Assert.DoesNotContain("\u001b[", result.Stdout);
    }

    [Fact]
    public void Eval_Json_GivesTheMetricsAndEveryClass_ForTheChosenCheckpointAndSplit()
    {
        var result = Cli.Run("eval", run.Folder, "--checkpoint", "last", "--split", "train", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(Path.Combine(run.Folder, "checkpoints", "last.safetensors"), json.GetProperty("checkpoint").GetString());
        Assert.Equal(2, json.GetProperty("step").GetInt64());
        Assert.Equal("train", json.GetProperty("split").GetString());
        Assert.Equal(16, json.GetProperty("samples").GetInt32());
        var miou = json.GetProperty("metrics").GetProperty("mIoU").GetDouble();
        Assert.InRange(miou, 0, 1);
        var perClass = json.GetProperty("per_class").EnumerateArray().ToList();
        Assert.Equal(Classes, perClass.Select(c => c.GetProperty("name").GetString()));
        var defined = perClass.Select(c => c.GetProperty("iou")).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList();
        Assert.Equal(defined.Average(), miou, 9);
    }

    [Fact]
    public void Eval_OnOtherData_WithTheSameClasses()
    {
        var result = Cli.Run("eval", run.Folder, "--data", "synthetic", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("Synthetic 48x48 seed 31249", json.GetProperty("dataset").GetString());
        Assert.Equal(256, json.GetProperty("samples").GetInt32());
    }

    [Fact]
    public void Eval_UserMistakes_AreOneLine_ExitCode2()
    {
        var missing = Path.Combine(Cli.Folder, "runs", "nope");
        AssertUsage(Cli.Run("eval", missing), $"error: The run folder '{missing}' does not exist");
        AssertUsage(Cli.Run("eval", Cli.Folder), $"error: {Cli.Folder}: it is not a run folder (no options.json)");
        AssertUsage(Cli.Run("eval", run.Folder, "--checkpoint", "step-9.safetensors"), $"error: {run.Folder}: it has no checkpoint 'step-9.safetensors'");
        AssertUsage(Cli.Run("eval", run.Folder, "--data", "imagenet:/x"), "error: --data 'imagenet:/x' is not a dataset");
        AssertUsage(Cli.Run("eval", run.Folder, "--split", "test"), "error: synthetic, flip: it has no split 'test'");

        // A run stopped before its first checkpoint.
        var copy = Path.Combine(Cli.Folder, "runs", "copy");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(run.Folder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        AssertUsage(Cli.Run("eval", copy), $"error: {copy}: it has no checkpoint 'best'");
    }

    internal static void AssertUsage(CliResult result, string start)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(start, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("", result.Stdout);
    }
}
