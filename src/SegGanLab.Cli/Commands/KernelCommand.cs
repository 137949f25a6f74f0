using System.CommandLine;
using SegGanLab.Kernel;
using SegGanLab.Kernel.Zmq;

namespace SegGanLab.Cli;

/// <summary>
/// <c>seggan kernel install [--user | --prefix DIR]</c>, <c>seggan kernel uninstall [--user | --prefix DIR]</c>
/// and <c>seggan kernel start -f FILE</c>, the entry point the kernelspec's argv runs.
/// </summary>
internal static class KernelCommand
{
    public static Command Create() => new("kernel", "The SegGanLab Jupyter kernel: install its kernelspec, remove it, or start it for a frontend.")
    {
        Install(),
        Uninstall(),
        Start(),
    };

    static (Option<bool> User, Option<string?> Prefix) LocationOptions() => (
        new Option<bool>("--user") { Description = "Your own Jupyter folder (~/.local/share/jupyter/kernels)." },
        new Option<string?>("--prefix") { Description = "Under DIR/share/jupyter/kernels (e.g. a virtual environment).", HelpName = "DIR" });

    static string? Directory(ParseResult parse, Option<bool> user, Option<string?> prefix, out string? error)
    {
        error = null;
        var p = parse.GetValue(prefix);
        if (parse.GetValue(user) && p is not null)
        {
            error = "--user and --prefix choose different locations; give one of them.";
            return null;
        }
        return parse.GetValue(user) ? KernelSpec.UserDirectory() : p is not null ? KernelSpec.PrefixDirectory(p) : null;
    }

    static Command Install()
    {
        var (user, prefix) = LocationOptions();
        var command = new Command("install", $"Install the '{KernelSpec.Name}' kernelspec (\"{KernelSpec.DisplayName}\") for JupyterLab, VS Code and nbconvert. Default: the active Python environment, else /usr/local/share/jupyter/kernels.") { user, prefix };
        command.SetAction(parse =>
        {
            var directory = Directory(parse, user, prefix, out var error) ?? KernelSpec.DefaultDirectory();
            if (error is not null) return Cli.Fail(error);
            try
            {
                var folder = KernelSpec.Install(directory, KernelSpec.LaunchCommand(typeof(KernelCommand).Assembly.Location, Environment.ProcessPath));
                Console.WriteLine($"Installed the kernelspec '{KernelSpec.Name}' in {folder}");
                return 0;
            }
            catch (KernelSpecException e) { return Cli.Fail(e.Message); }
        });
        return command;
    }

    static Command Uninstall()
    {
        var (user, prefix) = LocationOptions();
        var command = new Command("uninstall", $"Remove the '{KernelSpec.Name}' kernelspec (by default from every standard location where it is found).") { user, prefix };
        command.SetAction(parse =>
        {
            var chosen = Directory(parse, user, prefix, out var error);
            if (error is not null) return Cli.Fail(error);
            var candidates = chosen is not null ? [chosen] : new[] { KernelSpec.UserDirectory(), KernelSpec.DefaultDirectory(), KernelSpec.PrefixDirectory("/usr") }.Distinct().ToArray();
            try
            {
                var removed = candidates.Where(KernelSpec.Uninstall).ToList();
                foreach (var d in removed) Console.WriteLine($"Removed the kernelspec '{KernelSpec.Name}' from {d}");
                return removed.Count > 0 ? 0 : Cli.Fail($"No '{KernelSpec.Name}' kernelspec found in {string.Join(", ", candidates)}.");
            }
            catch (KernelSpecException e) { return Cli.Fail(e.Message); }
        });
        return command;
    }

    static Command Start()
    {
        var file = new Option<string>("--connection-file", "-f") { Description = "The connection file the frontend wrote ({connection_file} in kernel.json).", Required = true };
        var command = new Command("start", "Run the kernel for a Jupyter frontend (the kernelspec starts it this way).") { file };
        command.SetAction(parse =>
        {
            try
            {
                using var kernel = new JupyterKernel(ConnectionInfo.Load(parse.GetValue(file)!), KernelOptions.ForFrontend());
                using var sigint = kernel.HandleInterruptSignal();
                kernel.Run();
                return 0;
            }
            catch (Exception e) when (e is ConnectionFileException or ZmqException) { return Cli.Fail(e.Message); }
        });
        return command;
    }
}
