using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace SegGanLab.Tests;

/// <summary>Runs checked-in Python scripts with Debian's Python (numpy, torch, torchvision), never a mock.</summary>
public static class PythonProcess
{
    /// <summary>Debian's Python, the one with python3-torch (the <c>python3</c> on PATH may be another).</summary>
    public const string Exe = "/usr/bin/python3";

    const string Setup = "run ./test.sh once, which installs python3-numpy, python3-torch and python3-torchvision";

    /// <summary>Runs <paramref name="scriptPath"/> with <paramref name="args"/> and returns its standard output; fails the test with its error output otherwise.</summary>
    public static string Run(string scriptPath, params string[] args)
    {
        var script = Path.GetFileName(scriptPath);
        if (!File.Exists(Exe)) Assert.Fail($"{Exe} is missing; {script} needs Debian's Python with numpy and torch: {Setup}.");
        var start = new ProcessStartInfo(Exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(scriptPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not finish within 2 minutes.");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var error = stderr.Result.Trim();
            if (error.Contains("ModuleNotFoundError", StringComparison.Ordinal))
                Assert.Fail($"{script} needs a Python module that {Exe} lacks ({error.Split('\n')[^1]}): {Setup}.");
            Assert.Fail($"{script} failed with exit code {process.ExitCode}:\n{error}");
        }
        return stdout.Result;
    }

    /// <summary><see cref="Run"/>, with the standard output parsed as JSON.</summary>
    public static JsonDocument RunJson(string scriptPath, params string[] args) => JsonDocument.Parse(Run(scriptPath, args));
}
