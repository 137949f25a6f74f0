using System.Diagnostics;
using System.Text;

namespace SegGanLab.Plots.Tests.Browser;

/// <summary>
/// Headless Debian Chromium with a fresh profile and a DevTools port chosen by the browser
/// (read from the profile's DevToolsActivePort file). Disposing closes it over CDP, then kills
/// the whole process tree if anything is left, and deletes the profile.
/// </summary>
sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    readonly Process _process;
    readonly DirectoryInfo _profile;
    readonly StringBuilder _stderr;

    ChromiumBrowser(Process process, DirectoryInfo profile, StringBuilder stderr, CdpConnection cdp) =>
        (_process, _profile, _stderr, Cdp) = (process, profile, stderr, cdp);

    public CdpConnection Cdp { get; }

    public static async Task<ChromiumBrowser> LaunchAsync(CancellationToken ct)
    {
        ChromiumInstaller.EnsureInstalled();
        var profile = Directory.CreateTempSubdirectory("seggan-chromium-");
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true,
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                $"--user-data-dir={profile.FullName}", "--remote-debugging-port=0", "about:blank",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
            string[] lines = [];
            while (lines.Length < 2)
            {
                if (process.HasExited) throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before opening DevTools:\n{Tail(stderr)}");
                await Task.Delay(50, ct);
                if (File.Exists(portFile)) lines = (await File.ReadAllTextAsync(portFile, ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
            var cdp = await CdpConnection.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), ct);
            return new ChromiumBrowser(process, profile, stderr, cdp);
        }
        catch
        {
            Kill(process);
            profile.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>The end of Chromium's stderr, for failure messages.</summary>
    public string StderrTail() => Tail(_stderr);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await Cdp.SendAsync("Browser.close", ct: timeout.Token);
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or CdpException or System.Net.WebSockets.WebSocketException)
        {
            // Closing over CDP failed or took too long: the kill below ends it.
        }
        await Cdp.DisposeAsync();
        Kill(_process);
        _process.Dispose();
        try { _profile.Delete(recursive: true); }
        catch (IOException) { } // Chromium's last writes may race the delete; the temp folder is harmless.
    }

    static void Kill(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
    }

    static string Tail(StringBuilder text)
    {
        lock (text) return text.Length <= 4000 ? text.ToString() : text.ToString(text.Length - 4000, 4000);
    }
}
