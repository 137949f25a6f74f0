using System.Diagnostics;

namespace SegGanLab.Plots.Tests.Browser;

/// <summary>
/// Installs Debian's chromium when it is missing, the way scripts/setup.sh installs every
/// package (its seggan_install_packages: apt-get only when missing, an update only if needed).
/// </summary>
static class ChromiumInstaller
{
    static readonly Lock Gate = new();

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (File.Exists(ChromiumBrowser.Executable)) return;
            var setup = Path.Combine(RepositoryRoot.Find(), "scripts", "setup.sh");
            var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("source \"$1\" && seggan_install_packages chromium");
            start.ArgumentList.Add("bash");
            start.ArgumentList.Add(setup);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(ChromiumBrowser.Executable))
                throw new InvalidOperationException($"{ChromiumBrowser.Executable} is missing and installing Debian's chromium failed (exit {process.ExitCode}): {errors}{output.Result}\nInstall it with: apt-get install chromium");
        }
    }
}

/// <summary>The repository root: the nearest folder above the test binaries that holds SegGanLab.sln.</summary>
static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SegGanLab.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No SegGanLab.sln above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
