using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegGanLab.Experiments;
using SegGanLab.Plots;
using SegGanLab.Torch;

namespace SegGanLab.Cli;

/// <summary>
/// <c>seggan run --reproduce RUN [-- ARGS]</c>: runs the frozen copy of a run's script (its
/// <c>script.csx</c>) again, with the run's step scale and thread count, into a new run folder, and
/// reports whether the new metric curve matches the recorded one: exactly on the CPU, within
/// <see cref="GpuTolerance"/> on other devices (their kernels are not bitwise deterministic).
/// </summary>
internal static class Reproduction
{
    /// <summary>The relative difference a rerun on a GPU may show.</summary>
    public const double GpuTolerance = 1e-3;

    /// <summary>Reruns <paramref name="folder"/>; 0 when the curve matches, 1 when it does not (or the script failed).</summary>
    /// <exception cref="UsageException">For a folder that is not a run, or a run that has no script copy.</exception>
    public static int Execute(string folder, ScriptRunOptions options)
    {
        if (!Directory.Exists(folder)) throw new UsageException($"--reproduce: the run folder '{folder}' does not exist; give a folder under runs/ that 'seggan run' wrote.");
        var original = RunFolder.Read(folder);
        var script = Path.Combine(original.Folder, "script.csx");
        if (!File.Exists(script))
            throw new UsageException($"--reproduce: {original.Folder} has no script.csx, so it was not run from a script; only runs started by 'seggan run SCRIPT' can be rerun.");
        Apply(original);

        var code = ScriptRun.Execute(options with { Script = script, Json = false });
        if (code != ExitCodes.Ok) return code;
        if (ExperimentHost.LastResult is not { } result)
        {
            Cli.Error($"error: the script {script} ran no experiment, so there is no curve to compare.");
            return ExitCodes.ScriptError;
        }
        var rerun = RunFolder.Read(result.Folder);
        var device = Option(original, "device") is { ValueKind: JsonValueKind.String } d ? d.GetString()! : "cpu";
        var tolerance = device == "cpu" ? 0 : GpuTolerance;
        var difference = new CurveComparison(tolerance).FirstDifference(original, rerun);
        Report(original, rerun, tolerance, difference, options.Json);
        return difference is null ? ExitCodes.Ok : ExitCodes.ScriptError;
    }

    // The settings that change the numbers without being in the script: the step scale and the thread count.
    static void Apply(RunRecords original)
    {
        if (Option(original, "step_scale") is { ValueKind: JsonValueKind.Number } scale)
            Environment.SetEnvironmentVariable("SEGGAN_STEP_SCALE", scale.GetDouble() == 1 ? null : scale.GetDouble().ToString("R", CultureInfo.InvariantCulture));
        if (int.TryParse(original.Environment?["libtorch.threads"], out var threads) && threads > 0) torch.set_num_threads(threads);
    }

    static JsonElement? Option(RunRecords run, string name) => run.Options?.Options.FirstOrDefault(o => o.Name == name)?.Value;

    static void Report(RunRecords original, RunRecords rerun, double tolerance, string? difference, bool json)
    {
        var metric = original.PrimaryMetric;
        string Final(RunRecords r) => r.FinalEval is { } e ? e.Metric(metric).ToString("0.0000", CultureInfo.InvariantCulture) : "none";
        var how = tolerance == 0 ? "exactly" : $"within {tolerance:0.###%}";
        Console.WriteLine(difference is null
            ? $"reproduced {how}: {original.Train.Count} train records and {original.Evals.Count} evaluations of {original.Folder} match the rerun {rerun.Folder} (final {metric} {Final(rerun)})"
            : $"not reproduced: {difference} (final {metric} {Final(original)} in the original, {Final(rerun)} in the rerun {rerun.Folder})");
        if (original.Environment?["data.fingerprint"] is { } a && rerun.Environment?["data.fingerprint"] is { } b && a != b)
            Cli.Error($"warning: the data differ from the original run's (fingerprint {a} then, {b} now): the rerun read other files.");
        if (!json) return;
        Console.WriteLine(new JsonObject
        {
            ["status"] = difference is null ? "reproduced" : "differs",
            ["original"] = original.Folder,
            ["rerun"] = rerun.Folder,
            ["tolerance"] = tolerance,
            ["train_records"] = original.Train.Count,
            ["evaluations"] = original.Evals.Count,
            ["difference"] = difference,
        }.ToJsonString());
    }
}
