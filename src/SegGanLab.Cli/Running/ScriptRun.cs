using System.Diagnostics;
using SegGanLab.Experiments;
using SegGanLab.Scripting;

namespace SegGanLab.Cli;

/// <summary>What <c>seggan run</c> was asked to do.</summary>
/// <param name="Script">The script path as given.</param>
/// <param name="Args">The arguments after <c>--</c>, the script's <c>Args</c>.</param>
/// <param name="Json">Print the <see cref="RunSummary"/> line at the end.</param>
/// <param name="UseCache">Read and write the compiled-script cache.</param>
/// <param name="Progress">How training progress is shown.</param>
/// <param name="ProgressEvery">Steps between plain progress lines (0: about twenty a run).</param>
/// <param name="Verbose">Report the cache and timings; stack traces of host errors.</param>
internal sealed record ScriptRunOptions(string Script, IReadOnlyList<string> Args, bool Json, bool UseCache, ProgressMode Progress, long ProgressEvery, bool Verbose);

/// <summary>
/// Runs one script file as <c>seggan run</c> does: compile (or reuse the cached build), install
/// the host's seams (Ctrl+C, the script path, the progress display), run it as one submission on a
/// <see cref="ScriptSession"/>, report errors with the script's own files and lines, and return
/// the exit code.
/// </summary>
internal static class ScriptRun
{
    public static int Execute(ScriptRunOptions options)
    {
        var clock = Stopwatch.StartNew();
        if (options.Script.StartsWith('-')) throw new UsageException($"'{options.Script}' is not an option of seggan run; see 'seggan run --help' (arguments for the script go after --).");
        var path = Path.GetFullPath(options.Script);
        if (Directory.Exists(path)) throw new UsageException($"'{options.Script}' is a folder; give the .csx script to run, e.g. {Path.Combine(options.Script, "quickstart.csx")}.");
        if (!File.Exists(path)) throw new UsageException($"The script '{options.Script}' does not exist; give the path of a .csx file, e.g. experiments/quickstart.csx.");

        using var session = new ScriptSession(new ScriptSessionOptions
        {
            Globals = new ScriptGlobals { Args = options.Args },
            BaseDirectory = Path.GetDirectoryName(path)!,
            WarmUp = false,
        });
        var output = new ScriptConsole();
        using var interrupts = new InterruptHandler(session, output);
        using var progress = new ProgressDisplays(options.Progress, options.ProgressEvery, output);
        ExperimentHost.Cancellation = interrupts.Token;
        ExperimentHost.ScriptPath = path;
        ExperimentHost.ProgressFactory = progress.Create;

        var compiled = session.CompileFile(path, options.UseCache ? ScriptCache.DefaultDirectory : null);
        if (options.Verbose)
            Cli.Error(compiled.FromCache ? $"script: compiled build reused from {compiled.CacheEntry} ({compiled.CompileTime.TotalSeconds:F2} s)"
                                         : $"script: compiled in {compiled.CompileTime.TotalSeconds:F2} s" + (compiled.CacheEntry is { } entry ? $", cached in {entry}" : " (no cache)"));
        foreach (var warning in compiled.Warnings) Cli.Error(warning);
        if (!compiled.Succeeded)
        {
            foreach (var error in compiled.Errors) Cli.Error(error);
            return Finish(options, path, ExitCodes.ScriptError, clock, compiled, $"{compiled.Errors.Count} compile error(s)");
        }

        var result = session.ExecuteAsync(compiled, new CellOptions { Output = output }).GetAwaiter().GetResult();
        progress.Dispose();
        output.Flush();
        var (code, message) = Outcome(result, interrupts.Interrupted, options.Verbose);
        return Finish(options, path, code, clock, compiled, message);
    }

    /// <summary>The exit code and the one-line error for the summary, after printing what went wrong.</summary>
    static (int Code, string? Message) Outcome(CellResult result, bool interrupted, bool verbose)
    {
        if (result.Error is not { } error) return (interrupted ? ExitCodes.Cancelled : ExitCodes.Ok, interrupted ? "interrupted" : null);
        if (interrupted || error.Interrupted)
        {
            Cli.Error("Interrupted.");
            return (ExitCodes.Cancelled, "interrupted");
        }
        if (error.Exception is { } e && UserErrors.IsUserError(e) && !verbose)
        {
            // Bad input met by the script (a missing dataset folder, an unknown model): the message and where the script asked for it.
            Cli.Error($"error: {e.Message}");
            if (error.Traceback.LastOrDefault(l => l.Contains(".csx:line ", StringComparison.Ordinal)) is { } where) Cli.Error(where);
            return (ExitCodes.Usage, e.Message);
        }
        Cli.Error("Unhandled exception. " + error.Traceback[0]);
        foreach (var line in error.Traceback.Skip(1)) Cli.Error(line);
        return (ExitCodes.ScriptError, error.Message);
    }

    static int Finish(ScriptRunOptions options, string path, int code, Stopwatch clock, CompiledScript? compiled, string? error)
    {
        if (options.Json)
        {
            var stdout = ConsoleCapture.OriginalOut;
            stdout.WriteLine(RunSummary.Line(path, code, clock.Elapsed, compiled, ExperimentHost.LastResult, error));
            stdout.Flush();
        }
        return code;
    }
}
