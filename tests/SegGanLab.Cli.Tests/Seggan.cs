using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace SegGanLab.Cli.Tests;

/// <summary>What a finished <c>seggan</c> process left: its exit code and its two streams.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The streams for an assertion message.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the real CLI (<c>dotnet seggan.dll ...</c>, as ./seggan does) in a temporary working folder
/// with its own script cache, so no test reads or writes ~/.cache.
/// </summary>
internal sealed class Seggan : IDisposable
{
    static readonly string Dll = Metadata("SegGanCli");

    /// <summary>The repository's root folder (for the checked-in experiments/ scripts).</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    readonly TemporaryFolder _folder = new("seggan-cli-");

    public Seggan()
    {
        if (!File.Exists(Dll)) throw new FileNotFoundException($"The CLI was not built at {Dll}; build the solution first.");
    }

    /// <summary>The working folder of every process.</summary>
    public string Folder => _folder.Root;

    /// <summary>The script cache the processes use (<c>SEGGAN_CACHE</c>).</summary>
    public string Cache => Path.Combine(Folder, ".cache");

    /// <summary>Extra environment variables of every process this instance starts (<c>SEGGAN_STEP_SCALE</c>, ...).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Writes a file under <see cref="Folder"/> (LF line ends) and returns its full path.</summary>
    public string Write(string relativePath, string text) => _folder.Write(relativePath, text);

    /// <summary>Runs <c>seggan</c> with <paramref name="args"/> to the end (at most three minutes).</summary>
    public CliResult Run(params string[] args)
    {
        using var process = Start(args);
        return process.Wait(TimeSpan.FromMinutes(3));
    }

    /// <summary>Starts <c>seggan</c> with <paramref name="args"/>.</summary>
    public CliProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["SEGGAN_CACHE"] = Cache;
        start.Environment["SEGGAN_NUM_THREADS"] = "1";
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        return new CliProcess(start);
    }

    public void Dispose() => _folder.Dispose();

    static string Metadata(string key) => typeof(Seggan).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>A running <c>seggan</c> process whose streams are collected as they come.</summary>
internal sealed class CliProcess : IDisposable
{
    readonly StringBuilder _stdout = new(), _stderr = new();

    public CliProcess(ProcessStartInfo start)
    {
        Process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the CLI");
        Process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        Process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>What the process has written to stderr so far.</summary>
    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    /// <summary>Waits for the end (killing the process after <paramref name="timeout"/>) and returns what it left.</summary>
    public CliResult Wait(TimeSpan timeout)
    {
        if (!Process.WaitForExit(timeout))
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            throw new TimeoutException($"seggan did not finish within {timeout}.\n{Result()}");
        }
        Process.WaitForExit();
        return Result();
    }

    CliResult Result()
    {
        lock (_stdout) lock (_stderr) return new CliResult(Process.HasExited ? Process.ExitCode : -1, _stdout.ToString(), _stderr.ToString());
    }

    static void Append(StringBuilder sb, string? line)
    {
        if (line is null) return;
        lock (sb) sb.Append(line).Append('\n');
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
