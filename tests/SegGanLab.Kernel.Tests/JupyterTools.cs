using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace SegGanLab.Kernel.Tests;

/// <summary>
/// Runs Jupyter's own Python clients (Debian's jupyter_kernel_test, nbconvert) against the real
/// CLI: installs the kernelspec into a temporary JUPYTER_PATH and starts processes with it.
/// </summary>
internal sealed class JupyterTools : IDisposable
{
    public const string Python = "/usr/bin/python3";

    public JupyterTools()
    {
        Root = Directory.CreateTempSubdirectory("seggan-jupyter-").FullName;
        var cli = Metadata("SegGanCli");
        if (!File.Exists(cli)) throw new FileNotFoundException($"The CLI was not built at {cli}; build the solution first.");
        KernelSpec.Install(KernelSpec.PrefixDirectory(Root), KernelSpec.LaunchCommand(cli, DotnetHost.Path));
    }

    /// <summary>A temporary folder holding share/jupyter/kernels/seggan and the runtime files.</summary>
    public string Root { get; }

    public static string RepositoryRoot => Path.GetFullPath(Metadata("RepositoryRoot"));

    /// <summary>Starts the real kernel process (<c>dotnet seggan.dll kernel start -f FILE</c>) as the kernelspec would.</summary>
    public static Process StartKernel(string connectionFile)
    {
        var launch = KernelSpec.LaunchCommand(Metadata("SegGanCli"), DotnetHost.Path);
        var start = new ProcessStartInfo(launch[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in launch.Skip(1).Concat(["kernel", "start", "-f", connectionFile])) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the kernel");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs <see cref="Python"/> with <paramref name="arguments"/>; returns the exit code and the combined output.</summary>
    public (int ExitCode, string Output) RunPython(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["JUPYTER_PATH"] = Path.Combine(Root, "share", "jupyter");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime");
        start.Environment["JUPYTER_PLATFORM_DIRS"] = "1";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Python}");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output) return (-1, $"timed out after {timeout}\n{output}");
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a kernel process may still be closing its runtime files; the OS cleans /tmp */ }
    }

    static string Metadata(string key) =>
        typeof(JupyterTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
