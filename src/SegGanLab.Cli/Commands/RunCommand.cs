using System.CommandLine;

namespace SegGanLab.Cli;

/// <summary><c>seggan run SCRIPT [-- ARGS...]</c>: runs a .csx experiment script headless; <c>seggan run --reproduce RUN</c> reruns a run's frozen script.</summary>
internal static class RunCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var script = new Argument<string?>("SCRIPT") { Description = "The C# script to run, e.g. experiments/quickstart.csx.", Arity = ArgumentArity.ZeroOrOne };
        var args = new Argument<string[]>("ARGS") { Description = "Arguments for the script, after --; the script reads them as Args.", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "Print a final JSON line on stdout: status, run folder, steps, final and best metric, seconds, cancelled." };
        var noCache = new Option<bool>("--no-cache") { Description = "Compile the script even when an unchanged build is cached, and do not cache this one." };
        var progress = new Option<ProgressMode>("--progress")
        {
            Description = "How training progress is shown on stderr: auto (a live display on a terminal, plain lines otherwise), live, plain or none.",
            DefaultValueFactory = _ => ProgressMode.Auto,
        };
        var every = new Option<long>("--progress-every")
        {
            Description = "Steps between plain progress lines (default: about twenty lines a run).",
            HelpName = "N",
        };
        every.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() < 0) r.AddError("--progress-every must be a positive number of steps (or 0 for the default).");
        });
        var reproduce = new Option<string?>("--reproduce")
        {
            Description = "Rerun the run in this folder from its frozen script copy, step scale and thread count, and report whether the metric curve matches (exactly on the CPU).",
            HelpName = "RUN",
        };
        var command = new Command("run", "Run an experiment script (.csx): compiled once and cached, with live training progress; Ctrl+C stops training at the next step and saves a checkpoint.")
        {
            script, args, json, noCache, progress, every, reproduce,
        };
        command.SetAction(parse =>
        {
            var (path, rest, again) = (parse.GetValue(script), parse.GetValue(args) ?? [], parse.GetValue(reproduce));
            // With --reproduce there is no script to name: whatever follows -- is the script's arguments.
            var scriptArgs = again is not null && path is not null ? [path, .. rest] : rest;
            var options = new ScriptRunOptions(path ?? "", scriptArgs, parse.GetValue(json), !parse.GetValue(noCache),
                                               parse.GetValue(progress), parse.GetValue(every), parse.GetValue(verbose));
            if (again is not null) return Reproduction.Execute(again, options);
            if (path is null) throw new UsageException("seggan run needs the script to run, e.g. seggan run experiments/quickstart.csx (or --reproduce RUN to rerun a run).");
            return ScriptRun.Execute(options);
        });
        return command;
    }
}
