using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary><c>seggan run --reproduce RUN</c> on a run trained by the fixture.</summary>
public sealed class ReproduceTests(TinyRun run) : IClassFixture<TinyRun>
{
    Seggan Cli => run.Cli;

    [Fact]
    public void Reproduce_RerunsTheFrozenScript_AndTheCurveMatchesExactly()
    {
        var result = Cli.Run("run", "--reproduce", run.Folder, "--progress", "none");
        Assert.True(result.ExitCode == 0, result.ToString());
        var rerun = Directory.GetDirectories(Path.Combine(Cli.Folder, "runs"), "tiny-*").Single(f => f != run.Folder);
        Assert.StartsWith($"reproduced exactly: 2 train records and 1 evaluations of {run.Folder} match the rerun {rerun} (final mIoU 0.", result.Stdout);
        Assert.Equal(File.ReadAllText(Path.Combine(run.Folder, "script.csx")), File.ReadAllText(Path.Combine(rerun, "script.csx")));
    }

    [Fact]
    public void Reproduce_NamesTheFirstDifference_ExitCode1()
    {
        var copy = Path.Combine(Cli.Folder, "altered");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(run.Folder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var metrics = Path.Combine(copy, "metrics.jsonl");
        var lines = File.ReadAllLines(metrics);
        lines[1] = System.Text.RegularExpressions.Regex.Replace(lines[1], "\"G/total\":[0-9.eE+-]+", "\"G/total\":1.5");
        File.WriteAllLines(metrics, lines);

        var result = Cli.Run("run", "--reproduce", copy, "--progress", "none", "--json");
        Assert.True(result.ExitCode == 1, result.ToString());
        var verdict = result.Stdout.Split('\n');
        Assert.StartsWith("not reproduced: step 2: G/total 1.5 in the original, ", verdict[0]);
        Assert.Contains("\"status\":\"differs\"", verdict[1]);
    }

    [Fact]
    public void Reproduce_WithoutAScriptCopy_IsAUsageError()
    {
        var bare = Path.Combine(Cli.Folder, "bare");
        Directory.CreateDirectory(bare);
        File.Copy(Path.Combine(run.Folder, "options.json"), Path.Combine(bare, "options.json"));
        EvalCommandTests.AssertUsage(Cli.Run("run", "--reproduce", bare), $"error: --reproduce: {bare} has no script.csx");
        EvalCommandTests.AssertUsage(Cli.Run("run", "--reproduce", "runs/none"), "error: --reproduce: the run folder 'runs/none' does not exist");
        EvalCommandTests.AssertUsage(Cli.Run("run"), "error: seggan run needs the script to run");
    }
}
