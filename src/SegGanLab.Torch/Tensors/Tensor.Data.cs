using System.Globalization;
using System.Text;
using static SegGanLab.Torch.Native.NativeMethods;

namespace SegGanLab.Torch;

public partial class Tensor
{
    /// <summary>Copies the values out into a new .NET array (row-major; any device or layout).</summary>
    /// <exception cref="InvalidOperationException">When <typeparamref name="T"/> does not match <see cref="dtype"/>.</exception>
    public T[] data<T>() where T : unmanaged
    {
        var expected = ScalarTypeExtensions.Of<T>();
        if (expected != dtype)
            throw new InvalidOperationException($"data<{typeof(T).Name}>() needs a {expected.ToTorchName()} tensor but this one is {dtype.ToTorchName()}; convert first with .to({expected.ToTorchName()}).");
        var result = new T[numel()];
        CopyTo<T>(result);
        return result;
    }

    /// <summary>Copies the values into <paramref name="destination"/>, which must hold exactly numel() elements.</summary>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        fixed (T* p = destination)
            Check(sg_tensor_copy_to(Handle, p, (long)destination.Length * sizeof(T)), "copy_to", this);
    }

    /// <summary>The value of a one-element tensor.</summary>
    public T item<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(double)) return (T)(object)ItemDouble();
        if (typeof(T) == typeof(float)) return (T)(object)(float)ItemDouble();
        if (typeof(T) == typeof(Half)) return (T)(object)(Half)ItemDouble();
        long v;
        Check(sg_tensor_item_long(Handle, out v), "item", this);
        if (typeof(T) == typeof(long)) return (T)(object)v;
        if (typeof(T) == typeof(int)) return (T)(object)checked((int)v);
        if (typeof(T) == typeof(short)) return (T)(object)checked((short)v);
        if (typeof(T) == typeof(byte)) return (T)(object)checked((byte)v);
        if (typeof(T) == typeof(sbyte)) return (T)(object)checked((sbyte)v);
        if (typeof(T) == typeof(bool)) return (T)(object)(v != 0);
        throw new NotSupportedException($"item<{typeof(T).Name}>() is not supported.");
    }

    double ItemDouble()
    {
        var v = sg_tensor_item_double(Handle);
        if (double.IsNaN(v) && sg_last_error() is var e && System.Runtime.InteropServices.Marshal.PtrToStringUTF8(e) is { Length: > 0 })
            throw Fail("item", [this]);
        return v;
    }

    /// <summary>A copy converted to <paramref name="type"/> (this data when nothing changes and <paramref name="copy"/> is false).</summary>
    public Tensor to(ScalarType type, bool copy = false) => To(type, device, false, copy);
    /// <summary>A copy on <paramref name="target"/>.</summary>
    public Tensor to(Device target, bool non_blocking = false, bool copy = false) => To(dtype, target, non_blocking, copy);
    /// <summary>A copy on <paramref name="target"/> (parsed: "cpu", "cuda:0").</summary>
    public Tensor to(string target) => to(Device.Parse(target));
    /// <summary>A copy with both dtype and device changed.</summary>
    public Tensor to(ScalarType type, Device target, bool non_blocking = false, bool copy = false) => To(type, target, non_blocking, copy);

    Tensor To(ScalarType type, Device target, bool nonBlocking, bool copy) =>
        Wrap(sg_tensor_to(Handle, (int)type, (int)target.Type, target.NativeIndex, nonBlocking ? 1 : 0, copy ? 1 : 0), $"to({type.ToTorchName()}, {target})", this);

    /// <summary>On the CPU.</summary>
    public Tensor cpu() => to(Device.CPU);
    /// <summary>On CUDA device <paramref name="index"/>.</summary>
    public Tensor cuda(int index = 0) => to(new Device(DeviceType.CUDA, index));
    /// <summary>As float32.</summary>
    public Tensor @float() => to(ScalarType.Float32);
    /// <summary>As float64.</summary>
    public Tensor @double() => to(ScalarType.Float64);
    /// <summary>As int64.</summary>
    public Tensor @long() => to(ScalarType.Int64);
    /// <summary>As int32.</summary>
    public Tensor @int() => to(ScalarType.Int32);
    /// <summary>As bool.</summary>
    public Tensor @bool() => to(ScalarType.Bool);
    /// <summary>As uint8.</summary>
    public Tensor @byte() => to(ScalarType.Byte);
    /// <summary>A copy with its own storage (recorded by autograd).</summary>
    public Tensor clone() => Wrap(sg_tensor_clone(Handle), "clone", this);

    /// <summary>Shape, dtype and device, e.g. <c>[2x3x32x32], type = Float32, device = cpu</c>.</summary>
    public override string ToString() =>
        IsInvalid ? "<disposed tensor>" : $"[{string.Join("x", shape)}], type = {dtype}, device = {device}";

    /// <summary>
    /// Shape, dtype and device followed by the values (PyTorch-style nesting; long dimensions
    /// are cut to their first and last <paramref name="edgeItems"/> entries).
    /// </summary>
    public string ToString(bool withValues, int edgeItems = 3)
    {
        if (!withValues || IsInvalid) return ToString();
        var header = ToString();
        if (numel() == 0) return header + "\n[]";
        // One conversion straight to the CPU: chaining to(type).cpu() would leave the intermediate tensor alive.
        using var values = To(dtype.IsFloatingPoint() || dtype == ScalarType.Bool ? ScalarType.Float64 : ScalarType.Int64, Device.CPU, false, false);
        var dims = shape;
        var sb = new StringBuilder(header).Append('\n');
        if (values.dtype == ScalarType.Float64) Format(sb, values.data<double>(), dims, 0, 0, edgeItems, dtype);
        else Format(sb, Array.ConvertAll(values.data<long>(), v => (double)v), dims, 0, 0, edgeItems, dtype);
        return sb.ToString();
    }

    static void Format(StringBuilder sb, double[] v, long[] dims, int d, long offset, int edge, ScalarType type)
    {
        if (dims.Length == 0) { sb.Append(FormatValue(v[0], type)); return; }
        long stride = 1;
        for (var k = d + 1; k < dims.Length; k++) stride *= dims[k];
        sb.Append('[');
        var n = dims[d];
        for (long i = 0; i < n; i++)
        {
            if (n > 2 * edge && i == edge) { sb.Append("..., "); i = n - edge - 1; continue; }
            if (d == dims.Length - 1) sb.Append(FormatValue(v[offset + i], type));
            else Format(sb, v, dims, d + 1, offset + i * stride, edge, type);
            if (i < n - 1) sb.Append(d == dims.Length - 1 ? ", " : ",\n" + new string(' ', d + 1));
        }
        sb.Append(']');
    }

    static string FormatValue(double x, ScalarType type) => type switch
    {
        ScalarType.Bool => x != 0 ? "True" : "False",
        _ when type.IsFloatingPoint() => x.ToString("0.####", CultureInfo.InvariantCulture),
        _ => ((long)x).ToString(CultureInfo.InvariantCulture),
    };
}
