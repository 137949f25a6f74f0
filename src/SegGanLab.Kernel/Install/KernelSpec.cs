using System.Text.Json;
using System.Text.Json.Nodes;

namespace SegGanLab.Kernel;

/// <summary>
/// The kernelspec Jupyter frontends (JupyterLab, VS Code, nbconvert) discover: a folder named
/// <c>seggan</c> holding <c>kernel.json</c> under a <c>share/jupyter/kernels</c> directory.
/// </summary>
public static class KernelSpec
{
    /// <summary>The kernelspec's name (its folder).</summary>
    public const string Name = "seggan";

    /// <summary>What frontends show in their kernel pickers.</summary>
    public const string DisplayName = "SegGanLab (C#)";

    /// <summary>The kernels directory of the user (<c>$JUPYTER_DATA_DIR</c>, else <c>$XDG_DATA_HOME/jupyter</c>, else <c>~/.local/share/jupyter</c>).</summary>
    public static string UserDirectory()
    {
        var data = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrEmpty(data))
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            data = Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : xdg, "jupyter");
        }
        return Path.Combine(data, "kernels");
    }

    /// <summary>The kernels directory under an installation prefix: <c>PREFIX/share/jupyter/kernels</c>.</summary>
    public static string PrefixDirectory(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>
    /// The default, like Jupyter's <c>--sys-prefix</c>: the active Python environment
    /// (<c>$VIRTUAL_ENV</c>, else <c>$CONDA_PREFIX</c>) when there is one, else the system-wide
    /// <c>/usr/local/share/jupyter/kernels</c>.
    /// </summary>
    public static string DefaultDirectory()
    {
        foreach (var variable in new[] { "VIRTUAL_ENV", "CONDA_PREFIX" })
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } env) return PrefixDirectory(env);
        return PrefixDirectory("/usr/local");
    }

    /// <summary>
    /// glibc allocator settings the kernel starts with, as <c>./seggan</c> sets them for scripts: one
    /// malloc arena that keeps up to 1 GiB of freed memory and serves blocks up to 32 MiB itself. Cells
    /// run on their own thread, and that thread's default arena unmaps its 64 MiB heaps as soon as they
    /// empty, so each training step's activations came back as fresh, zero-filled pages; with these a
    /// CamVid U-Net step is 1.7x faster (docs/benchmarks.md). Freed memory goes back to the system later.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AllocatorEnvironment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_ARENA_MAX"] = "1",
        ["MALLOC_TRIM_THRESHOLD_"] = "1073741824",
        ["MALLOC_MMAP_THRESHOLD_"] = "33554432",
    };

    /// <summary>
    /// .NET JIT settings the kernel starts with. Tiered compilation first runs a method unoptimised
    /// (or as precompiled without cross-assembly inlining) and optimises it after 30 calls, but only
    /// once no new method has been compiled for 100 ms; every cell brings new methods, so a busy
    /// kernel kept the C# compiler on its start-up code for good (the benchmark's back-to-back cells
    /// compiled at 5-9 ms each, against 2 ms optimised). Without the delay, and without the extra
    /// profiling tier that would instrument the compiler's code first, the compiler's hot paths are
    /// optimised after about 40 cells (or the session's background warm-up): a trivial cell's round
    /// trip then takes about 40% less time and half the CPU (docs/benchmarks.md, "Notebook kernel").
    /// </summary>
    public static IReadOnlyDictionary<string, string> JitEnvironment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
        ["DOTNET_TieredPGO"] = "0",
    };

    /// <summary>kernel.json for a kernel started by <paramref name="launch"/> (the connection file's arguments are appended).</summary>
    public static JsonObject KernelJson(IReadOnlyList<string> launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var argv = new JsonArray(launch.Select(a => (JsonNode)a).ToArray());
        foreach (var a in (string[])["kernel", "start", "-f", "{connection_file}"]) argv.Add(a);
        return new JsonObject
        {
            ["argv"] = argv,
            ["display_name"] = DisplayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["kernel_protocol_version"] = Messaging.WireCodec.ProtocolVersion,
            ["env"] = new JsonObject(AllocatorEnvironment.Concat(JitEnvironment).Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))),
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
    }

    /// <summary>Writes <c>kernels/seggan/kernel.json</c> (replacing an older one) and returns the kernelspec folder.</summary>
    /// <exception cref="KernelSpecException">When the directory cannot be written (e.g. the system location without root).</exception>
    public static string Install(string kernelsDirectory, IReadOnlyList<string> launch)
    {
        var folder = Path.Combine(kernelsDirectory, Name);
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "kernel.json"), KernelJson(launch).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KernelSpecException($"Cannot write the kernelspec to '{folder}': {e.Message}. Use --user (your own Jupyter folder) or --prefix DIR.");
        }
        return folder;
    }

    /// <summary>Removes the kernelspec from <paramref name="kernelsDirectory"/>; false when it was not there.</summary>
    /// <exception cref="KernelSpecException">When it exists but cannot be removed.</exception>
    public static bool Uninstall(string kernelsDirectory)
    {
        var folder = Path.Combine(kernelsDirectory, Name);
        if (!Directory.Exists(folder)) return false;
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KernelSpecException($"Cannot remove the kernelspec '{folder}': {e.Message}");
        }
        return true;
    }

    /// <summary>
    /// The command that starts this build's CLI directly, without the <c>./seggan</c> launcher's
    /// set-up checks: <c>dotnet /abs/seggan.dll</c>, or the apphost when the CLI runs as one.
    /// </summary>
    public static IReadOnlyList<string> LaunchCommand(string cliAssemblyPath, string? processPath)
    {
        var host = processPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [Path.GetFullPath(host), Path.GetFullPath(cliAssemblyPath)] : [Path.GetFullPath(host)];
    }
}
