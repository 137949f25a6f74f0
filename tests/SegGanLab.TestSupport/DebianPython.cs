using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace SegGanLab.Tests;

/// <summary>
/// Runs checked-in Python peers with Debian's /usr/bin/python3 (numpy, torch, torchvision: the
/// same LibTorch as SegGanLab), never a mock; the python3 on PATH may be another one.
/// </summary>
public static class DebianPython
{
    /// <summary>Debian's interpreter.</summary>
    public const string Exe = "/usr/bin/python3";
    const string Setup = "run ./test.sh once, which installs python3-numpy, python3-torch and python3-torchvision";

    /// <summary>
    /// Runs <paramref name="script"/> (a path) with <paramref name="args"/> and returns its standard
    /// output parsed as JSON; fails the test with the script's error output when it fails.
    /// </summary>
    public static JsonDocument RunJson(string script, params string[] args)
    {
        var name = Path.GetFileName(script);
        if (!File.Exists(Exe)) Assert.Fail($"{Exe} is missing; {name} needs Debian's Python with numpy and torch: {Setup}.");
        var start = new ProcessStartInfo(Exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{name} did not finish within 2 minutes.");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var error = stderr.Result.Trim();
            if (error.Contains("ModuleNotFoundError", StringComparison.Ordinal))
                Assert.Fail($"{name} needs a Python module that {Exe} lacks ({error.Split('\n')[^1]}): {Setup}.");
            Assert.Fail($"{name} failed with exit code {process.ExitCode}:\n{error}");
        }
        return JsonDocument.Parse(stdout.Result);
    }
}
