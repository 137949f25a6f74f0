using System.CommandLine;
using SegGanLab.Experiments;

namespace SegGanLab.Cli;

/// <summary>
/// The arguments <c>seggan eval</c> and <c>seggan predict</c> share: the run folder and which of its
/// checkpoints to load, and opening the run as a <see cref="SavedExperiment"/>.
/// </summary>
internal static class RunArguments
{
    /// <summary>The <c>RUN</c> argument: a run folder that a training run wrote.</summary>
    public static Argument<string> Run() => new("RUN") { Description = "The run folder (runs/<name>-<yyyyMMdd-HHmmss>) whose trained segmenter to use." };

    /// <summary>The <c>--checkpoint</c> option: best, last or a checkpoint's path.</summary>
    public static Option<string> Checkpoint() => new("--checkpoint", "-c")
    {
        Description = "Which weights: best (the best evaluation's, else the last), last, or the path of a .safetensors checkpoint (relative paths: from the run folder).",
        DefaultValueFactory = _ => "best",
        HelpName = "best|last|PATH",
    };

    /// <summary>Loads <paramref name="run"/> with <paramref name="checkpoint"/>, with the usage errors the CLI reports for a missing folder.</summary>
    /// <exception cref="UsageException">When <paramref name="run"/> is not a folder.</exception>
    /// <exception cref="SavedExperimentException">When the folder is not a run or has no such checkpoint.</exception>
    public static SavedExperiment Load(string run, string checkpoint)
    {
        if (File.Exists(run))
            throw new UsageException($"'{run}' is a file; give the run folder (runs/<name>-<timestamp>) and name a checkpoint file with --checkpoint.");
        if (!Directory.Exists(run))
            throw new UsageException($"The run folder '{run}' does not exist; give a folder under runs/ that 'seggan run' wrote.");
        if (checkpoint is not ("best" or "last") && !Path.IsPathRooted(checkpoint) && File.Exists(checkpoint) && !File.Exists(Path.Combine(run, checkpoint)))
            checkpoint = Path.GetFullPath(checkpoint);   // a path relative to the current folder, as a shell user means it
        return SavedExperiment.Load(run, checkpoint);
    }
}
