using SegGanLab.Torch.Native;

namespace SegGanLab.Torch;

/// <summary>
/// An n-dimensional array in LibTorch, owned by .NET through a <see cref="System.Runtime.InteropServices.SafeHandle"/>.
/// Every operation returns a new tensor that owns its result; dispose tensors (or let a
/// <see cref="DisposeScope"/> do it) rather than waiting for the GC. Names follow TorchSharp
/// and PyTorch so code ports by copy.
/// </summary>
public partial class Tensor : IDisposable
{
    readonly TensorHandle _handle;

    /// <summary>Takes ownership of a native handle; registers with the current dispose scope.</summary>
    internal Tensor(IntPtr handle)
    {
        _handle = new TensorHandle(handle);
        DisposeScope.Register(this);
    }

    /// <summary>The scope that will dispose this tensor, if any.</summary>
    internal DisposeScope? OwningScope { get; set; }

    /// <summary>True once disposed.</summary>
    public bool IsInvalid => _handle.IsClosed;

    /// <summary>The native handle; throws when the tensor was disposed.</summary>
    internal IntPtr Handle
    {
        get
        {
            if (_handle.IsClosed) throw new ObjectDisposedException(nameof(Tensor), "This tensor was disposed (directly or by its dispose scope); keep it alive with MoveToOuterDisposeScope() or DetachFromDisposeScope().");
            return _handle.DangerousGetHandle();
        }
    }

    /// <summary>Frees the native tensor now.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Removes this tensor from its dispose scope: the caller now owns it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope = null;
        return this;
    }

    /// <summary>Hands this tensor to the scope around the current one.</summary>
    public Tensor MoveToOuterDisposeScope() => OwningScope is { } s ? s.MoveToOuter(this) : this;

    // ---- results and errors -------------------------------------------------------------

    /// <summary>Wraps a native result, or throws <see cref="TorchException"/> describing the inputs.</summary>
    internal static Tensor Wrap(IntPtr result, string op, params ReadOnlySpan<Tensor?> inputs)
    {
        if (result == IntPtr.Zero) throw Fail(op, inputs);
        return new Tensor(result);
    }

    /// <summary>Checks a native status code (negative: failure).</summary>
    internal static void Check(int status, string op, params ReadOnlySpan<Tensor?> inputs)
    {
        if (status < 0) throw Fail(op, inputs);
    }

    internal static TorchException Fail(string op, ReadOnlySpan<Tensor?> inputs)
    {
        var described = new string[inputs.Length];
        for (var k = 0; k < inputs.Length; k++) described[k] = TorchException.Describe(inputs[k]);
        var message = NativeMethods.LastError();
        NativeMethods.sg_clear_error();
        return new TorchException(op, described, message.Length == 0 ? "unknown error" : message);
    }

    // ---- metadata ---------------------------------------------------------------------------

    /// <summary>The sizes of every dimension.</summary>
    public long[] shape
    {
        get
        {
            Span<long> buffer = stackalloc long[16];
            var n = NativeMethods.sg_tensor_sizes(Handle, buffer, buffer.Length);
            if (n < 0) throw Fail("shape", [this]);
            if (n <= buffer.Length) return buffer[..n].ToArray();
            var big = new long[n];
            NativeMethods.sg_tensor_sizes(Handle, big, n);
            return big;
        }
    }

    /// <summary>The strides of every dimension, in elements.</summary>
    public long[] stride()
    {
        var n = dim();
        var s = new long[n];
        NativeMethods.sg_tensor_strides(Handle, s, n);
        return s;
    }

    /// <summary>The size of one dimension (negative counts from the end).</summary>
    public long size(int dimension)
    {
        var s = shape;
        var d = dimension < 0 ? dimension + s.Length : dimension;
        if (d < 0 || d >= s.Length) throw new ArgumentOutOfRangeException(nameof(dimension), $"dimension {dimension} is out of range for a {s.Length}-d tensor");
        return s[d];
    }

    /// <summary>The number of dimensions.</summary>
    public int dim() => NativeMethods.sg_tensor_dim(Handle);

    /// <summary>The number of dimensions (TorchSharp's name).</summary>
    public int Dimensions => dim();

    /// <summary>The number of elements.</summary>
    public long numel() => NativeMethods.sg_tensor_numel(Handle);

    /// <summary>The element type.</summary>
    public ScalarType dtype => (ScalarType)NativeMethods.sg_tensor_dtype(Handle);

    /// <summary>The device holding the data.</summary>
    public Device device
    {
        get
        {
            var type = (DeviceType)NativeMethods.sg_tensor_device_type(Handle);
            return type == DeviceType.CPU ? Device.CPU : new Device(type, NativeMethods.sg_tensor_device_index(Handle));
        }
    }

    /// <summary>Whether autograd records operations on this tensor.</summary>
    public bool requires_grad
    {
        get => NativeMethods.sg_tensor_requires_grad(Handle) == 1;
        set => Check(NativeMethods.sg_tensor_set_requires_grad(Handle, value ? 1 : 0), "requires_grad_", this);
    }

    /// <summary>Sets <see cref="requires_grad"/> and returns this tensor.</summary>
    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    /// <summary>True for tensors created by the user rather than by a recorded operation.</summary>
    public bool is_leaf => NativeMethods.sg_tensor_is_leaf(Handle) == 1;

    /// <summary>True when the elements are laid out row-major without gaps.</summary>
    public bool is_contiguous() => NativeMethods.sg_tensor_is_contiguous(Handle) == 1;

    /// <summary>Bytes per element.</summary>
    public long element_size() => NativeMethods.sg_tensor_element_size(Handle);
}
