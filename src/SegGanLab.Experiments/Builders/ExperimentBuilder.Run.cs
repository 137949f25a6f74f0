using System.Text.Json;
using SegGanLab.Plots;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

// Run and Resume: build, write the run folder's start files, train with the host's cancellation and callbacks.
public abstract partial class ExperimentBuilder<TSelf>
{
    /// <summary>The environment variable naming the folder runs are written under (default: <c>runs/</c> in the current folder).</summary>
    public const string RunsVariable = "SEGGAN_RUNS";

    ExperimentResult? _lastResult;

    /// <summary>
    /// Trains the experiment: checks and builds everything, writes <c>runs/&lt;name&gt;-&lt;timestamp&gt;/</c>
    /// (options.json, classes.json, env.json, the script), trains with evaluations and checkpoints on
    /// schedule, and writes the report. <see cref="ExperimentHost.Cancellation"/> stops it at the next
    /// step boundary with a checkpoint written.
    /// </summary>
    /// <exception cref="ExperimentConfigurationException">Listing every problem of the set-up, before any step.</exception>
    /// <exception cref="NonFiniteLossException">A loss became NaN or infinite; the last good state is saved.</exception>
    public ExperimentResult Run()
    {
        using var built = Build(BuildPurpose.Run);
        var run = RunWriter.Create(RunsRoot(), built.Name);
        WriteStart(run, built);
        return Train(built, run, resumeFrom: null);
    }

    /// <summary>
    /// Continues the run in <paramref name="runFolder"/> from its last checkpoint with this experiment's
    /// settings (the same recipe and models; more steps extend it): the losses continue exactly as
    /// the uninterrupted run's would have on the CPU.
    /// </summary>
    /// <exception cref="SavedExperimentException">When the folder has no checkpoint or is a run of another recipe.</exception>
    /// <exception cref="CheckpointException">When the checkpoint does not fit this experiment's models.</exception>
    public ExperimentResult Resume(string runFolder)
    {
        ArgumentNullException.ThrowIfNull(runFolder);
        RunWriter run;
        try { run = RunWriter.Open(runFolder); }
        catch (RunFolderException e) { throw new SavedExperimentException(runFolder, e.Message, e); }
        var checkpoint = run.LastCheckpoint;
        if (!File.Exists(checkpoint))
            throw new SavedExperimentException(runFolder, "it has no checkpoints/last.safetensors to resume from (the run stopped before its first checkpoint): start it again with Run()");
        var recorded = RecordedRecipe(Path.Combine(run.Folder, "options.json"));
        if (recorded != RecipeName)
            throw new SavedExperimentException(runFolder, $"it is a '{recorded}' run; resume it with the experiment that wrote it, not {EntryPoint}");
        using var built = Build(BuildPurpose.Run);
        // The options as resumed (more steps, say); the rest of the folder continues.
        run.WriteOptions(built.RecipeName, built.Name, built.Seed, built.Options);
        return Train(built, run, checkpoint);
    }

    ExperimentResult Train(BuiltExperiment built, RunWriter run, string? resumeFrom)
    {
        var callbacks = Settings.Callbacks.Concat(ExperimentHost.CreateCallbacks()).ToList();
        var training = new Trainer(built.Recipe!, built.Trainer, run, callbacks).Fit(ExperimentHost.Cancellation, resumeFrom);
        var result = new ExperimentResult(built.Name, built.RecipeName, training);
        _lastResult = result;
        ExperimentHost.LastResult = result;
        return result;
    }

    static void WriteStart(RunWriter run, BuiltExperiment built)
    {
        var classes = built.Data.Classes;
        run.WriteOptions(built.RecipeName, built.Name, built.Seed, built.Options);
        run.WriteClasses(classes.Names, classes.Palette, classes.IgnoreIndex, classes.Binary);
        run.WriteEnvironment(RunEnvironmentInfo.Collect(built.Device, built.Data.Fingerprint(), built.Seed));
        if (ExperimentHost.ScriptPath is { } script && File.Exists(script)) run.CopyScript(script);
    }

    internal static string RunsRoot() =>
        Environment.GetEnvironmentVariable(RunsVariable) is { Length: > 0 } root ? root : Path.Combine(Environment.CurrentDirectory, "runs");

    static string? RecordedRecipe(string optionsPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(optionsPath));
        return doc.RootElement.TryGetProperty("recipe", out var r) ? r.GetString() : null;
    }
}
