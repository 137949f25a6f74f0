using System.Text.Json.Nodes;
using SegGanLab.Experiments;
using SegGanLab.Scripting;

namespace SegGanLab.Cli;

/// <summary>
/// The line <c>seggan run --json</c> prints last on stdout: how the script ended and, when it
/// trained, the last run's folder, steps, final and best metric, time and whether it was
/// cancelled. Metrics are fractions (PSNR in dB); a metric that does not exist is null.
/// </summary>
/// <example><code>
/// {"script":"/work/experiments/quickstart.csx","status":"ok","exit_code":0,"seconds":97.4,
///  "compile":{"cached":true,"seconds":0.02},
///  "run":{"name":"quickstart","recipe":"supervised","folder":"/work/runs/quickstart-20250101-120000","steps":600,
///         "metric":"mIoU","final":0.918,"best":0.921,"best_step":400,"seconds":95.2,"cancelled":false,...}}
/// </code></example>
internal static class RunSummary
{
    /// <summary>The summary as one line of JSON.</summary>
    public static string Line(string script, int exitCode, TimeSpan wall, CompiledScript? compiled, ExperimentResult? run, string? error) =>
        new JsonObject
        {
            ["script"] = script,
            ["status"] = exitCode switch
            {
                ExitCodes.Ok => "ok",
                ExitCodes.Cancelled => "cancelled",
                ExitCodes.Usage => "usage_error",
                _ => compiled is { Succeeded: false } ? "compile_error" : "error",
            },
            ["exit_code"] = exitCode,
            ["seconds"] = Math.Round(wall.TotalSeconds, 3),
            ["compile"] = compiled is null ? null : new JsonObject
            {
                ["cached"] = compiled.FromCache,
                ["seconds"] = Math.Round(compiled.CompileTime.TotalSeconds, 3),
                ["cache_entry"] = compiled.CacheEntry,
            },
            ["run"] = run is null ? null : Run(run),
            ["error"] = error,
        }.ToJsonString();

    static JsonObject Run(ExperimentResult run) => new()
    {
        ["name"] = run.Name,
        ["recipe"] = run.Recipe,
        ["folder"] = run.Folder,
        ["steps"] = run.Steps,
        ["metric"] = run.PrimaryMetric,
        ["final"] = Finite(run.FinalMetric),
        ["best"] = Finite(run.BestMetric),
        ["best_step"] = run.Best?.Step,
        ["seconds"] = Math.Round(run.Elapsed.TotalSeconds, 3),
        ["cancelled"] = run.Cancelled,
        ["stop_reason"] = run.StopReason,
        ["best_checkpoint"] = run.BestCheckpoint,
        ["last_checkpoint"] = run.LastCheckpoint,
        ["report"] = run.Report,
    };

    static JsonNode? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
