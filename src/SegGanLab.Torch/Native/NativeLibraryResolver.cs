using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SegGanLab.Torch.Native;

/// <summary>
/// Finds libseggan_native for <see cref="NativeMethods"/>: the path in <c>SEGGAN_NATIVE</c>
/// (a file or a folder), then the assembly's folder, then the application's base folder,
/// then <c>build/native/</c> in any parent folder (a source checkout). Fails with a message
/// that says how to build the library.
/// </summary>
internal static class NativeLibraryResolver
{
    internal const string EnvironmentVariable = "SEGGAN_NATIVE";
    const string FileName = "libseggan_native.so";

#pragma warning disable CA2255 // A module initializer is the documented place to install a DllImport resolver.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.Lib) return IntPtr.Zero;
        var tried = new List<string>();
        foreach (var candidate in Candidates())
        {
            tried.Add(candidate);
            if (!File.Exists(candidate)) continue;
            if (NativeLibrary.TryLoad(candidate, out var handle)) return handle;
            // It exists but does not load: usually LibTorch itself is missing. Say so plainly.
            try { return NativeLibrary.Load(candidate); }
            catch (Exception e)
            {
                throw new DllNotFoundException(
                    $"{candidate} exists but could not be loaded ({e.Message}). Is LibTorch installed? " +
                    "Run ./test.sh once (it installs libtorch-dev), or point SEGGAN_LIBTORCH at your LibTorch and rebuild.", e);
            }
        }
        throw new DllNotFoundException(
            $"The SegGanLab native shim ({FileName}) was not found. Looked in: {string.Join(", ", tried)}. " +
            "Build it with ./test.sh or ./seggan (they run CMake on src/SegGanLab.Native), or set " +
            $"{EnvironmentVariable} to the built library or its folder.");
    }

    static IEnumerable<string> Candidates()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
            yield return Directory.Exists(fromEnv) ? Path.Combine(fromEnv, FileName) : fromEnv;
        var assemblyDir = Path.GetDirectoryName(typeof(NativeLibraryResolver).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDir)) yield return Path.Combine(assemblyDir, FileName);
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var inTree = Path.Combine(dir.FullName, "build", "native", FileName);
            if (File.Exists(inTree)) { yield return inTree; yield break; }
        }
    }
}
