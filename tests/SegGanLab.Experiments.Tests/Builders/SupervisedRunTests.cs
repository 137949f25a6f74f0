using SegGanLab.Plots;
using SegGanLab.Training;
using Xunit;

namespace SegGanLab.Experiments.Tests;

public sealed class SupervisedRunTests : RunsFolderTest
{
    [Fact]
    public void Run_WritesTheRunFolder_AndTheLossesMove()
    {
        var result = Tiny.Supervised().Name("tiny").Steps(12).Run();

        Assert.Equal(12, result.Steps);
        Assert.Equal("supervised", result.Recipe);
        Assert.StartsWith(Path.Combine(Runs, "tiny-"), result.Folder);
        foreach (var file in new[] { "options.json", "classes.json", "env.json", "metrics.jsonl", "report.html" })
            Assert.True(File.Exists(Path.Combine(result.Folder, file)), file);
        Assert.True(File.Exists(result.LastCheckpoint));
        Assert.True(File.Exists(result.BestCheckpoint));
        var first = result.History[0].Losses;
        var last = result.History[^1].Losses;
        Assert.True(last["G/total"] < first["G/total"], $"the loss should fall: {first["G/total"]} -> {last["G/total"]}");
        Assert.NotEqual(first["G/dice"], last["G/dice"]);
        var read = RunFolder.Read(result.Folder);
        Assert.Equal([3L, 6L, 9L, 12L], read.Evals.Select(e => e.Step));
        Assert.Equal(6, read.Classes!.Names.Count);
        Assert.Same(result, ExperimentHost.LastResult);
    }
}
