using System.Runtime.InteropServices;

namespace SegGanLab.Torch;

/// <summary>
/// A number passed to LibTorch by value, keeping whether it is integral so that
/// <c>intTensor + 1</c> stays integral while <c>intTensor + 0.5</c> promotes, as in PyTorch.
/// Laid out as the native <c>sg_scalar</c>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Scalar
{
    readonly double _d;
    readonly long _i;
    readonly int _kind; // 0 floating, 1 integral, 2 bool

    Scalar(double d, long i, int kind) { _d = d; _i = i; _kind = kind; }

    /// <summary>True when the value is integral (or bool).</summary>
    public bool IsIntegral => _kind != 0;

    /// <summary>The value as a double.</summary>
    public double ToDouble() => _kind == 0 ? _d : _i;

    /// <summary>The value as a long (floating values are truncated).</summary>
    public long ToInt64() => _kind == 0 ? (long)_d : _i;

#pragma warning disable CS1591 // The conversions are self-describing.
    public static implicit operator Scalar(double v) => new(v, 0, 0);
    public static implicit operator Scalar(float v) => new(v, 0, 0);
    public static implicit operator Scalar(long v) => new(0, v, 1);
    public static implicit operator Scalar(int v) => new(0, v, 1);
    public static implicit operator Scalar(bool v) => new(0, v ? 1 : 0, 2);
#pragma warning restore CS1591

    /// <inheritdoc/>
    public override string ToString() => _kind switch
    {
        0 => _d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        2 => _i != 0 ? "True" : "False",
        _ => _i.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
