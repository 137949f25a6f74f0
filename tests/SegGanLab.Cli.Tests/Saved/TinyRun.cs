using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary>
/// A run trained once for the eval and predict tests: a depth-2 U-Net, two steps on 16x16 synthetic
/// scenes, evaluated at the end (so it has best and last checkpoints).
/// </summary>
public sealed class TinyRun : IDisposable
{
    const string Script = """
        Experiment.Supervised().Name("tiny")
            .Data(Synthetic(count: 16, size: 16, valCount: 8))
            .Segmenter(UNet(depth: 2, baseWidth: 4))
            .Batch(4).Steps(2).Evaluate(every: 2)
            .Run();
        """;

    public TinyRun()
    {
        Cli.Write("tiny.csx", Script);
        var result = Cli.Run("run", "tiny.csx", "--progress", "none");
        Assert.True(result.ExitCode == 0, result.ToString());
        Folder = Directory.GetDirectories(Path.Combine(Cli.Folder, "runs"), "tiny-*").Single();
    }

    /// <summary>The CLI whose working folder holds the run.</summary>
    internal Seggan Cli { get; } = new();

    /// <summary>The run folder.</summary>
    public string Folder { get; }

    public void Dispose() => Cli.Dispose();
}
