using System.CommandLine;
using SegGanLab.Cli;
using SegGanLab.Torch;

// LibTorch's OpenMP default here is one thread; use every core unless the user chose.
var threads = Environment.GetEnvironmentVariable("SEGGAN_NUM_THREADS") ?? Environment.GetEnvironmentVariable("OMP_NUM_THREADS");
torch.set_num_threads(int.TryParse(threads, out var n) && n > 0 ? n : Environment.ProcessorCount);

// The seggan command line. Each verb lives in its own file under Commands/.
var verbose = new Option<bool>("--verbose") { Description = "Show stack traces, and what the CLI does (the script cache, timings).", Recursive = true };
var root = new RootCommand("SegGanLab: GAN-based semantic segmentation experiments in C# on LibTorch.")
{
    RunCommand.Create(verbose),
    NewCommand.Create(),
    EvalCommand.Create(),
    PredictCommand.Create(),
    DataCommand.Create(),
    ReportCommand.Create(),
    CompareCommand.Create(),
    InfoCommand.Create(),
    KernelCommand.Create(),
};
root.Options.Add(verbose);

// No verb: the usage, as a mistake (git's habit).
if (args.Length == 0)
{
    root.Parse(["--help"]).Invoke();
    return ExitCodes.Usage;
}
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // Usage mistakes are one line each and exit code 2, with where to read the usage.
    foreach (var error in parse.Errors) Cli.Error($"error: {error.Message}");
    var names = new List<string>();
    for (var c = parse.CommandResult; c is not null && c.Command != root; c = c.Parent as System.CommandLine.Parsing.CommandResult) names.Insert(0, c.Command.Name);
    Cli.Error($"Run 'seggan {string.Concat(names.Select(n => n + " "))}--help' for the arguments and options.");
    return ExitCodes.Usage;
}
try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (UserErrors.IsUserError(e))
{
    if (parse.GetValue(verbose)) Cli.Error(e.ToString());
    return Cli.Fail(e.Message);
}
catch (Exception e) when (!parse.GetValue(verbose))
{
    Cli.Error($"error: {e.GetType().Name}: {e.Message} (run again with --verbose for the stack trace)");
    return 1;
}
