using SegGanLab.Torch.Native;

namespace SegGanLab.Torch;

public static partial class torch
{
    // Every factory takes dtype (default float32, or the data's type), device (default CPU) and requires_grad.

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.sg_zeros(size, size.Length, D(dtype), Dv(device), I(device), G(requires_grad)), "zeros");
    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(params long[] size) => zeros(size, null);
    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.sg_ones(size, size.Length, D(dtype), Dv(device), I(device), G(requires_grad)), "ones");
    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(params long[] size) => ones(size, null);
    /// <summary>An uninitialised tensor.</summary>
    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.sg_empty(size, size.Length, D(dtype), Dv(device), I(device), G(requires_grad)), "empty");
    /// <summary>A tensor filled with <paramref name="value"/> (dtype defaults to float32, as in TorchSharp).</summary>
    public static Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.sg_full(size, size.Length, value, D(dtype), Dv(device), I(device), G(requires_grad)), "full");
    /// <summary>Values start, start+step, ... below end (int64 for integral arguments, else float32).</summary>
    public static Tensor arange(Scalar start, Scalar end, Scalar? step = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var s = step ?? 1;
        var type = dtype ?? (start.IsIntegral && end.IsIntegral && s.IsIntegral ? ScalarType.Int64 : ScalarType.Float32);
        return Make(NativeMethods.sg_arange(start, end, s, (int)type, Dv(device), I(device), G(requires_grad)), "arange");
    }
    /// <summary>0, 1, ..., end-1.</summary>
    public static Tensor arange(Scalar end, ScalarType? dtype = null, Device? device = null) => arange(0, end, 1, dtype, device);
    /// <summary><paramref name="steps"/> evenly spaced values from start to end inclusive.</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.sg_linspace(start, end, steps, D(dtype), Dv(device), I(device), G(requires_grad)), "linspace");
    /// <summary>An identity matrix of n rows and m (default n) columns.</summary>
    public static Tensor eye(long n, long m = -1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.sg_eye(n, m < 0 ? n : m, D(dtype), Dv(device), I(device), G(requires_grad)), "eye");
    /// <summary>Samples from U[0, 1).</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        Make(NativeMethods.sg_rand(size, size.Length, generator?.Handle ?? IntPtr.Zero, D(dtype), Dv(device), I(device), G(requires_grad)), "rand");
    /// <summary>Samples from U[0, 1).</summary>
    public static Tensor rand(params long[] size) => rand(size, null);
    /// <summary>Samples from N(0, 1).</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        Make(NativeMethods.sg_randn(size, size.Length, generator?.Handle ?? IntPtr.Zero, D(dtype), Dv(device), I(device), G(requires_grad)), "randn");
    /// <summary>Samples from N(0, 1).</summary>
    public static Tensor randn(params long[] size) => randn(size, null);
    /// <summary>Integers uniformly from [low, high) (int64 by default).</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, Generator? generator = null) =>
        Make(NativeMethods.sg_randint(low, high, size, size.Length, generator?.Handle ?? IntPtr.Zero, (int)(dtype ?? ScalarType.Int64), Dv(device), I(device), 0), "randint");
    /// <summary>Integers uniformly from [0, high).</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, Generator? generator = null) =>
        randint(0, high, size, dtype, device, generator);
    /// <summary>A random permutation of 0..n-1 (int64).</summary>
    public static Tensor randperm(long n, Generator? generator = null, Device? device = null) =>
        Make(NativeMethods.sg_randperm(n, generator?.Handle ?? IntPtr.Zero, (int)ScalarType.Int64, Dv(device), I(device), 0), "randperm");

    /// <summary>Zeros shaped like <paramref name="t"/>.</summary>
    public static Tensor zeros_like(Tensor t) => Tensor.Wrap(NativeMethods.sg_zeros_like(t.Handle), "zeros_like", t);
    /// <summary>Ones shaped like <paramref name="t"/>.</summary>
    public static Tensor ones_like(Tensor t) => Tensor.Wrap(NativeMethods.sg_ones_like(t.Handle), "ones_like", t);
    /// <summary>Uninitialised, shaped like <paramref name="t"/>.</summary>
    public static Tensor empty_like(Tensor t) => Tensor.Wrap(NativeMethods.sg_empty_like(t.Handle), "empty_like", t);
    /// <summary><paramref name="value"/> everywhere, shaped like <paramref name="t"/>.</summary>
    public static Tensor full_like(Tensor t, Scalar value) => Tensor.Wrap(NativeMethods.sg_full_like(t.Handle, value), "full_like", t);
    /// <summary>U[0,1) samples shaped like <paramref name="t"/>.</summary>
    public static Tensor rand_like(Tensor t) => Tensor.Wrap(NativeMethods.sg_rand_like(t.Handle), "rand_like", t);
    /// <summary>N(0,1) samples shaped like <paramref name="t"/>.</summary>
    public static Tensor randn_like(Tensor t) => Tensor.Wrap(NativeMethods.sg_randn_like(t.Handle), "randn_like", t);

    /// <summary>
    /// A tensor holding a copy of <paramref name="data"/>, shaped <paramref name="shape"/> (default: 1-D).
    /// The dtype is the data's (float -> float32, long -> int64, bool -> bool, ...).
    /// </summary>
    /// <exception cref="ArgumentException">When the shape's element count differs from the data's length.</exception>
    public static unsafe Tensor tensor<T>(ReadOnlySpan<T> data, long[]? shape = null, Device? device = null, bool requires_grad = false) where T : unmanaged
    {
        var dims = shape ?? [data.Length];
        long count = 1;
        foreach (var d in dims) count *= d;
        if (count != data.Length)
            throw new ArgumentException($"shape [{string.Join(", ", dims)}] holds {count} elements but the data has {data.Length}.", nameof(shape));
        var type = ScalarTypeExtensions.Of<T>();
        fixed (T* p = data)
            return Make(NativeMethods.sg_from_data(p, dims, dims.Length, (int)type, Dv(device), I(device), G(requires_grad)), "tensor");
    }
    /// <summary>A tensor copied from an array.</summary>
    public static Tensor tensor(float[] data, long[]? shape = null, Device? device = null, bool requires_grad = false) => tensor<float>(data, shape, device, requires_grad);
    /// <summary>A tensor copied from an array.</summary>
    public static Tensor tensor(double[] data, long[]? shape = null, Device? device = null, bool requires_grad = false) => tensor<double>(data, shape, device, requires_grad);
    /// <summary>A tensor copied from an array.</summary>
    public static Tensor tensor(long[] data, long[]? shape = null, Device? device = null) => tensor<long>(data, shape, device);
    /// <summary>A tensor copied from an array.</summary>
    public static Tensor tensor(int[] data, long[]? shape = null, Device? device = null) => tensor<int>(data, shape, device);
    /// <summary>A tensor copied from an array.</summary>
    public static Tensor tensor(byte[] data, long[]? shape = null, Device? device = null) => tensor<byte>(data, shape, device);
    /// <summary>A tensor copied from an array.</summary>
    public static Tensor tensor(bool[] data, long[]? shape = null, Device? device = null) => tensor<bool>(data, shape, device);
    /// <summary>A 0-d tensor.</summary>
    public static Tensor tensor(double value, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        using var d = tensor<double>([value], []);
        return d.to(dtype, device ?? Device.CPU);
    }

    /// <summary>A tensor copied from a multi-dimensional .NET array (<c>float[,]</c>, <c>long[,,]</c>, ...), keeping its shape.</summary>
    public static Tensor from_array(Array array, Device? device = null)
    {
        var shape = new long[array.Rank];
        for (var k = 0; k < shape.Length; k++) shape[k] = array.GetLength(k);
        return array switch
        {
            float[,] or float[,,] or float[,,,] => tensor<float>(Flatten<float>(array), shape, device),
            double[,] or double[,,] or double[,,,] => tensor<double>(Flatten<double>(array), shape, device),
            long[,] or long[,,] or long[,,,] => tensor<long>(Flatten<long>(array), shape, device),
            int[,] or int[,,] or int[,,,] => tensor<int>(Flatten<int>(array), shape, device),
            byte[,] or byte[,,] or byte[,,,] => tensor<byte>(Flatten<byte>(array), shape, device),
            bool[,] or bool[,,] or bool[,,,] => tensor<bool>(Flatten<bool>(array), shape, device),
            float[] f => tensor(f, null, device),
            double[] f => tensor(f, null, device),
            long[] f => tensor(f, null, device),
            int[] f => tensor(f, null, device),
            _ => throw new ArgumentException($"from_array does not support {array.GetType().Name}; use float, double, long, int, byte or bool arrays of rank 1 to 4.", nameof(array)),
        };
    }

    static T[] Flatten<T>(Array array) where T : unmanaged
    {
        var flat = new T[array.Length];
        var k = 0;
        foreach (T v in array) flat[k++] = v;
        return flat;
    }

    // ---- joining and selecting ---------------------------------------------------------------------
    /// <summary>Concatenates along an existing dimension.</summary>
    public static Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var h = Handles(tensors);
        var r = NativeMethods.sg_cat(h, h.Length, dim);
        if (r == IntPtr.Zero) throw Tensor.Fail("cat", tensors.ToArray());
        GC.KeepAlive(tensors);
        return new Tensor(r);
    }
    /// <summary>Stacks along a new dimension.</summary>
    public static Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var h = Handles(tensors);
        var r = NativeMethods.sg_stack(h, h.Length, dim);
        if (r == IntPtr.Zero) throw Tensor.Fail("stack", tensors.ToArray());
        GC.KeepAlive(tensors);
        return new Tensor(r);
    }
    /// <summary>Elementwise choice: <paramref name="x"/> where <paramref name="condition"/>, else <paramref name="y"/>.</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y) => Tensor.Wrap(NativeMethods.sg_where(condition.Handle, x.Handle, y.Handle), "where", condition, x, y);
    /// <summary>Elementwise choice with a scalar alternative.</summary>
    public static Tensor where(Tensor condition, Tensor x, Scalar y) => Tensor.Wrap(NativeMethods.sg_where_s(condition.Handle, x.Handle, y), "where", condition, x);
    /// <summary>Clamps into [min, max].</summary>
    public static Tensor clamp(Tensor t, double? min = null, double? max = null) => t.clamp(min, max);
    /// <summary>Matrix product.</summary>
    public static Tensor matmul(Tensor a, Tensor b) => a.matmul(b);
    /// <summary>Outer product of two vectors.</summary>
    public static Tensor outer(Tensor a, Tensor b) => Tensor.Wrap(NativeMethods.sg_outer(a.Handle, b.Handle), "outer", a, b);
    /// <summary>Einstein summation.</summary>
    public static Tensor einsum(string equation, params Tensor[] operands)
    {
        var h = Handles(operands);
        var r = NativeMethods.sg_einsum(equation, h, h.Length);
        if (r == IntPtr.Zero) throw Tensor.Fail($"einsum({equation})", operands);
        GC.KeepAlive(operands);
        return new Tensor(r);
    }
    /// <summary>Elementwise maximum.</summary>
    public static Tensor maximum(Tensor a, Tensor b) => a.maximum(b);
    /// <summary>Elementwise minimum.</summary>
    public static Tensor minimum(Tensor a, Tensor b) => a.minimum(b);
    /// <summary><paramref name="b"/> raised elementwise to <paramref name="exponent"/>.</summary>
    public static Tensor pow(Scalar b, Tensor exponent) => Tensor.Wrap(NativeMethods.sg_pow_scalar_base(b, exponent.Handle), "pow", exponent);

    static Tensor Make(IntPtr handle, string op) => Tensor.Wrap(handle, op);
    static int D(ScalarType? t) => (int)(t ?? ScalarType.Float32);
    static int Dv(Device? d) => (int)(d?.Type ?? DeviceType.CPU);
    static int I(Device? d) => d?.NativeIndex ?? -1;
    static int G(bool requiresGrad) => requiresGrad ? 1 : 0;
}
