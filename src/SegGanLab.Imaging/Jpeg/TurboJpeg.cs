using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SegGanLab.Imaging.Jpeg;

/// <summary>
/// libjpeg-turbo's TurboJPEG C API (Debian's <c>libturbojpeg0</c>): a plain C API that reports
/// errors through return codes and <c>tjGetErrorStr2</c> (no setjmp crosses into .NET), so it is
/// called directly without a shim.
/// </summary>
internal static unsafe partial class TurboJpeg
{
    const string Lib = "turbojpeg";

    internal const int PixelRgb = 0, PixelGray = 6, PixelCmyk = 11;
    internal const int ColorspaceGray = 2, ColorspaceCmyk = 3, ColorspaceYcck = 4;
    internal const int ErrorWarning = 0;
    /// <summary>TJFLAG_LIMITSCANS: fail progressive JPEGs with more than 500 scans (a known denial of service).</summary>
    internal const int FlagLimitScans = 32768;

    static readonly string[] Candidates = OperatingSystem.IsWindows() ? ["turbojpeg.dll"]
        : OperatingSystem.IsMacOS() ? ["libturbojpeg.0.dylib", "libturbojpeg.dylib"]
        : ["libturbojpeg.so.0", "libturbojpeg.so"];

    [LibraryImport(Lib)] internal static partial IntPtr tjInitDecompress();
    [LibraryImport(Lib)] internal static partial int tjDestroy(IntPtr handle);
    [LibraryImport(Lib)] internal static partial IntPtr tjGetErrorStr2(IntPtr handle);
    [LibraryImport(Lib)] internal static partial int tjGetErrorCode(IntPtr handle);

    [LibraryImport(Lib)]
    internal static partial int tjDecompressHeader3(IntPtr handle, byte* jpegBuf, CULong jpegSize,
        out int width, out int height, out int jpegSubsamp, out int jpegColorspace);

    [LibraryImport(Lib)]
    internal static partial int tjDecompress2(IntPtr handle, byte* jpegBuf, CULong jpegSize,
        byte* dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    /// <summary>The last error of <paramref name="handle"/> (or of the library, for a null handle).</summary>
    internal static string LastError(IntPtr handle) => Marshal.PtrToStringUTF8(tjGetErrorStr2(handle)) ?? "unknown error";

#pragma warning disable CA2255 // A module initializer is the documented place to install a DllImport resolver.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void InstallResolver() => NativeLibrary.SetDllImportResolver(typeof(TurboJpeg).Assembly, Resolve);

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Lib) return IntPtr.Zero;
        foreach (var candidate in Candidates)
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle)) return handle;
        throw new DllNotFoundException(
            $"JPEG decoding needs libjpeg-turbo's TurboJPEG library ({string.Join(" or ", Candidates)}), which could not be loaded. " +
            "On Debian/Ubuntu install it with `apt-get install libturbojpeg0` (./test.sh and ./seggan do this).");
    }
}
