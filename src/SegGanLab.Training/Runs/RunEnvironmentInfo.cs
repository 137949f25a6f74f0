using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using SegGanLab.Torch;

namespace SegGanLab.Training;

/// <summary>The env.json of a run: what it ran on, so a result can be traced and reproduced.</summary>
public static class RunEnvironmentInfo
{
    /// <summary>
    /// LibTorch version, intra-op threads, device, OS, .NET, SegGanLab version and git commit (when
    /// the working folder is a git checkout), the seed, and a fingerprint of the data.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Collect(Device device, string dataFingerprint, long seed)
    {
        var entries = new List<KeyValuePair<string, string>>
        {
            new("libtorch.version", torch.__version__),
            new("libtorch.threads", torch.get_num_threads().ToString(CultureInfo.InvariantCulture)),
            new("device", device.ToString()),
            new("cuda", torch.cuda.is_available() ? $"{torch.cuda.device_count()} device(s)" : "not available"),
            new("os", RuntimeInformation.OSDescription),
            new("cpu.cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
            new("dotnet", RuntimeInformation.FrameworkDescription),
            new("seggan.version", typeof(RunEnvironmentInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev"),
            new("seed", seed.ToString(CultureInfo.InvariantCulture)),
            new("data.fingerprint", dataFingerprint),
        };
        if (GitCommit() is { } commit) entries.Insert(8, new("seggan.commit", commit));
        return entries;
    }

    /// <summary>The commit of the git checkout around the current folder, with "+dirty" when it has changes; null outside git.</summary>
    static string? GitCommit()
    {
        try
        {
            var head = Git("rev-parse HEAD");
            if (head is null) return null;
            var dirty = Git("status --porcelain --untracked-files=no");
            return string.IsNullOrEmpty(dirty) ? head : head + "+dirty";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }

    static string? Git(string arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start);
        if (process is null) return null;
        var output = process.StandardOutput.ReadToEnd().Trim();
        if (!process.WaitForExit(5000)) { process.Kill(); return null; }
        return process.ExitCode == 0 ? output : null;
    }
}
