using System.Runtime.InteropServices;
using SegGanLab.Torch.Native;

namespace SegGanLab.Torch;

/// <summary>
/// The tensor API's entry point, named and shaped as TorchSharp's <c>torch</c> class so code
/// ports by copy: <c>using static SegGanLab.Torch.torch;</c> then <c>randn(2, 3)</c>,
/// <c>nn.Conv2d(3, 8, 3)</c>, <c>optim.Adam(...)</c>.
/// </summary>
public static partial class torch
{
#pragma warning disable CS1591 // dtype aliases as in PyTorch.
    public const ScalarType float32 = ScalarType.Float32, @float = ScalarType.Float32;
    public const ScalarType float64 = ScalarType.Float64, @double = ScalarType.Float64;
    public const ScalarType float16 = ScalarType.Float16, half = ScalarType.Float16;
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    public const ScalarType int64 = ScalarType.Int64, @long = ScalarType.Int64;
    public const ScalarType int32 = ScalarType.Int32, @int = ScalarType.Int32;
    public const ScalarType int16 = ScalarType.Int16;
    public const ScalarType int8 = ScalarType.Int8;
    public const ScalarType uint8 = ScalarType.Byte;
    public const ScalarType @bool = ScalarType.Bool;
#pragma warning restore CS1591

    /// <summary>The CPU device.</summary>
    public static readonly Device CPU = Device.CPU;
    /// <summary>CUDA device 0.</summary>
    public static readonly Device CUDA = new(DeviceType.CUDA, 0);

    /// <summary>Parses "cpu", "cuda" or "cuda:N".</summary>
    public static Device device(string spec) => Device.Parse(spec);

    /// <summary>The LibTorch version the shim was built against (e.g. 1.13.0).</summary>
    public static string __version__ => Marshal.PtrToStringUTF8(NativeMethods.sg_torch_version()) ?? "unknown";

    /// <summary>LibTorch's build configuration (BLAS, oneDNN, OpenMP, CUDA).</summary>
    public static string config_show() => Marshal.PtrToStringUTF8(NativeMethods.sg_torch_config()) ?? "";

    /// <summary>Opens a dispose scope on this thread; see <see cref="DisposeScope"/>.</summary>
    public static DisposeScope NewDisposeScope() => new();

    // ---- threads, seeds, determinism ------------------------------------------------------------
    /// <summary>Intra-op threads LibTorch uses.</summary>
    public static int get_num_threads() => NativeMethods.sg_get_num_threads();
    /// <summary>Sets the intra-op thread count.</summary>
    public static void set_num_threads(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "thread count must be at least 1");
        Tensor.Check(NativeMethods.sg_set_num_threads(n), "set_num_threads");
    }
    /// <summary>Inter-op threads LibTorch uses.</summary>
    public static int get_num_interop_threads() => NativeMethods.sg_get_num_interop_threads();

    /// <summary>Seeds the global generators (CPU and every CUDA device).</summary>
    public static void manual_seed(long seed) => Tensor.Check(NativeMethods.sg_manual_seed(unchecked((ulong)seed)), "manual_seed");

    /// <summary>Makes LibTorch use deterministic algorithms (and fail on ops that have none, unless <paramref name="warn_only"/>).</summary>
    public static void use_deterministic_algorithms(bool mode, bool warn_only = false) =>
        Tensor.Check(NativeMethods.sg_set_deterministic(mode ? 1 : 0, warn_only ? 1 : 0), "use_deterministic_algorithms");
    /// <summary>Whether deterministic algorithms are on.</summary>
    public static bool are_deterministic_algorithms_enabled() => NativeMethods.sg_get_deterministic() == 1;

    /// <summary>The default CPU generator's state (uint8 tensor).</summary>
    public static Tensor get_rng_state() => Tensor.Wrap(NativeMethods.sg_default_generator_get_state(), "get_rng_state");
    /// <summary>Restores the default CPU generator's state.</summary>
    public static void set_rng_state(Tensor state) => Tensor.Check(NativeMethods.sg_default_generator_set_state(state.Handle), "set_rng_state", state);

    /// <summary>CUDA queries (PyTorch's <c>torch.cuda</c>); false and 0 on a CPU build of LibTorch.</summary>
    public static class cuda
    {
        /// <summary>True when LibTorch was built with CUDA and a device is present.</summary>
        public static bool is_available() => NativeMethods.sg_cuda_is_available() == 1;
        /// <summary>Visible CUDA devices.</summary>
        public static int device_count() => Math.Max(NativeMethods.sg_cuda_device_count(), 0);
    }

    /// <summary>Backend queries.</summary>
    public static class backends
    {
        /// <summary>oneDNN (MKL-DNN) CPU kernels.</summary>
        public static class mkldnn { /** <summary>True when LibTorch has oneDNN.</summary> */ public static bool is_available() => NativeMethods.sg_mkldnn_is_available() == 1; }
        /// <summary>cuDNN.</summary>
        public static class cudnn
        {
            /// <summary>True when LibTorch has cuDNN.</summary>
            public static bool is_available() => NativeMethods.sg_cudnn_is_available() == 1;
            /// <summary>Lets cuDNN benchmark convolution algorithms (faster, not deterministic).</summary>
            public static void set_benchmark(bool on) => Tensor.Check(NativeMethods.sg_set_cudnn_benchmark(on ? 1 : 0), "cudnn.benchmark");
        }
    }

    // ---- grad mode -------------------------------------------------------------------------------------
    /// <summary>Whether autograd records operations on this thread.</summary>
    public static bool is_grad_enabled() => NativeMethods.sg_grad_enabled() == 1;

    /// <summary>Disables gradient recording on this thread until disposed: <c>using (torch.no_grad()) { ... }</c>.</summary>
    public static GradModeScope no_grad() => new(false);

    /// <summary>Enables gradient recording on this thread until disposed.</summary>
    public static GradModeScope enable_grad() => new(true);

    /// <summary>Sets gradient recording on this thread until disposed.</summary>
    public static GradModeScope set_grad_enabled(bool enabled) => new(enabled);

    /// <summary>Restores the previous grad mode when disposed.</summary>
    public readonly struct GradModeScope : IDisposable
    {
        readonly bool _previous;
        readonly bool _active; // false for default(GradModeScope), whose Dispose must change nothing
        internal GradModeScope(bool enabled)
        {
            _previous = NativeMethods.sg_grad_enabled() == 1;
            _active = true;
            NativeMethods.sg_set_grad_enabled(enabled ? 1 : 0);
        }
        /// <summary>Restores the previous mode.</summary>
        public void Dispose()
        {
            if (_active) NativeMethods.sg_set_grad_enabled(_previous ? 1 : 0);
        }
    }

    /// <summary>Functional autograd (PyTorch's <c>torch.autograd</c>).</summary>
    public static class autograd
    {
        /// <summary>
        /// Gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/> without
        /// touching their <c>.grad</c>. With <paramref name="create_graph"/> the result is itself
        /// differentiable (WGAN-GP's gradient penalty). An unused input yields null when
        /// <paramref name="allow_unused"/>.
        /// </summary>
        public static Tensor?[] grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? grad_outputs = null,
                                     bool? retain_graph = null, bool create_graph = false, bool allow_unused = false)
        {
            var outs = Handles(outputs);
            var ins = Handles(inputs);
            var gouts = grad_outputs is null ? [] : grad_outputs.Select(g => g?.Handle ?? IntPtr.Zero).ToArray();
            var result = new IntPtr[inputs.Count];
            var n = NativeMethods.sg_autograd_grad(outs, outs.Length, ins, ins.Length, gouts, gouts.Length,
                retain_graph is null ? -1 : retain_graph.Value ? 1 : 0, create_graph ? 1 : 0, allow_unused ? 1 : 0, result);
            if (n < 0) throw Tensor.Fail("autograd.grad", outputs.Concat(inputs).ToArray());
            GC.KeepAlive(outputs);
            GC.KeepAlive(inputs);
            GC.KeepAlive(grad_outputs);
            return result.Select(h => h == IntPtr.Zero ? null : new Tensor(h)).ToArray();
        }
    }

    internal static IntPtr[] Handles(IReadOnlyList<Tensor> tensors)
    {
        var h = new IntPtr[tensors.Count];
        for (var k = 0; k < h.Length; k++) h[k] = tensors[k].Handle;
        return h;
    }
}
