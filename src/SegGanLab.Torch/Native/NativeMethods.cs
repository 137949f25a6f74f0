using System.Runtime.InteropServices;

namespace SegGanLab.Torch.Native;

/// <summary>
/// The P/Invoke surface of libseggan_native, one partial file per native source file
/// (runtime, tensor, math, shape, nn, loss, autograd). Handles travel as <see cref="IntPtr"/>;
/// no public type exposes them. Every entry that can fail returns a sentinel (null handle,
/// -1, NaN) and leaves the message in <see cref="sg_last_error"/>.
/// </summary>
internal static partial class NativeMethods
{
    internal const string Lib = "seggan_native";

    [LibraryImport(Lib)] internal static partial IntPtr sg_last_error();
    [LibraryImport(Lib)] internal static partial void sg_clear_error();
    [LibraryImport(Lib)] internal static partial long sg_live_handles();
    [LibraryImport(Lib)] internal static partial void sg_tensor_free(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr sg_torch_version();
    [LibraryImport(Lib)] internal static partial IntPtr sg_torch_config();
    [LibraryImport(Lib)] internal static partial int sg_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int sg_cuda_device_count();
    [LibraryImport(Lib)] internal static partial int sg_cudnn_is_available();
    [LibraryImport(Lib)] internal static partial int sg_mkldnn_is_available();
    [LibraryImport(Lib)] internal static partial int sg_get_num_threads();
    [LibraryImport(Lib)] internal static partial int sg_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int sg_get_num_interop_threads();
    [LibraryImport(Lib)] internal static partial int sg_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int sg_set_deterministic(int on, int warnOnly);
    [LibraryImport(Lib)] internal static partial int sg_get_deterministic();
    [LibraryImport(Lib)] internal static partial int sg_set_cudnn_benchmark(int on);
    [LibraryImport(Lib)] internal static partial IntPtr sg_generator_new(ulong seed, int deviceType, int deviceIndex);
    [LibraryImport(Lib)] internal static partial void sg_generator_free(IntPtr g);
    [LibraryImport(Lib)] internal static partial int sg_generator_manual_seed(IntPtr g, ulong seed);
    [LibraryImport(Lib)] internal static partial ulong sg_generator_initial_seed(IntPtr g);
    [LibraryImport(Lib)] internal static partial IntPtr sg_generator_get_state(IntPtr g);
    [LibraryImport(Lib)] internal static partial int sg_generator_set_state(IntPtr g, IntPtr state);
    [LibraryImport(Lib)] internal static partial IntPtr sg_default_generator_get_state();
    [LibraryImport(Lib)] internal static partial int sg_default_generator_set_state(IntPtr state);

    /// <summary>The message LibTorch left on this thread by the last failing call.</summary>
    internal static string LastError() => Marshal.PtrToStringUTF8(sg_last_error()) ?? "";
}
