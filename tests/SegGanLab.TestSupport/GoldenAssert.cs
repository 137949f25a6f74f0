using System.Globalization;
using SegGanLab.Torch;
using Xunit;
using Xunit.Sdk;

namespace SegGanLab.Tests.Golden;

/// <summary>
/// Compares a tensor with stored PyTorch numbers: same shape and dtype, integers and bools
/// exactly, floats elementwise within atol + rtol·|expected|. The default tolerance follows the
/// dtype: 1e-10 for float64 (LibTorch and PyTorch differ only in summation order), 1e-5 for float32.
/// </summary>
public static class GoldenAssert
{
    /// <summary>float64 tolerance (absolute and relative).</summary>
    public const double Float64Tolerance = 1e-10;
    /// <summary>float32 tolerance (absolute and relative).</summary>
    public const double Float32Tolerance = 1e-5;

    /// <summary>Asserts that <paramref name="actual"/> matches output <paramref name="output"/> of <paramref name="golden"/>.</summary>
    public static void Matches(GoldenCase golden, string output, Tensor? actual, double? tolerance = null) =>
        Close(golden.Output(output), actual, $"{golden.Name}.{output}", tolerance);

    /// <summary>Asserts that <paramref name="actual"/> matches <paramref name="expected"/>.</summary>
    public static void Close(GoldenTensor expected, Tensor? actual, string what, double? tolerance = null)
    {
        if (actual is null) throw new XunitException($"{what}: expected a tensor, got null (no gradient was computed?)");
        Assert.True(expected.Shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.Shape)}]");
        Assert.True(expected.DType == actual.dtype, $"{what}: dtype {actual.dtype.ToTorchName()}, expected {expected.DType.ToTorchName()}");
        switch (expected.DType)
        {
            case ScalarType.Int64:
                AssertExact(expected.Longs, actual.data<long>(), what);
                break;
            case ScalarType.Bool:
                AssertExact(expected.Bools, actual.data<bool>(), what);
                break;
            case ScalarType.Float64:
                AssertClose(expected.Doubles, actual.data<double>(), tolerance ?? Float64Tolerance, what);
                break;
            case ScalarType.Float32:
                AssertClose(expected.Doubles, Array.ConvertAll(actual.data<float>(), v => (double)v), tolerance ?? Float32Tolerance, what);
                break;
            default:
                throw new NotSupportedException(expected.DType.ToString());
        }
    }

    /// <summary>Elementwise |actual - expected| &lt;= tol + tol·|expected|; reports the worst element.</summary>
    public static void AssertClose(double[] expected, double[] actual, double tolerance, string what) =>
        AssertClose(expected, actual, tolerance, tolerance, what);

    /// <summary>Elementwise |actual - expected| &lt;= atol + rtol·|expected| (NaN never matches); reports the worst element.</summary>
    public static void AssertClose(double[] expected, double[] actual, double rtol, double atol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = -1;
        var worstExcess = 0.0;
        var failures = 0;
        for (var k = 0; k < expected.Length; k++)
        {
            var e = expected[k];
            var a = actual[k];
            var bound = atol + rtol * Math.Abs(e);
            var diff = Math.Abs(a - e);
            if (diff <= bound && !double.IsNaN(a)) continue;
            failures++;
            var excess = double.IsNaN(diff) ? double.PositiveInfinity : diff / bound;
            if (worst < 0 || excess > worstExcess) { worst = k; worstExcess = excess; }
        }
        if (failures == 0) return;
        var tol = rtol == atol
            ? string.Create(CultureInfo.InvariantCulture, $"{atol:g3}")
            : string.Create(CultureInfo.InvariantCulture, $"rtol {rtol:g3}, atol {atol:g3}");
        throw new XunitException(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {failures} of {expected.Length} elements differ beyond {tol}; worst at flat index {worst}: " +
            $"actual {actual[worst]:R}, expected {expected[worst]:R} (|diff| {Math.Abs(actual[worst] - expected[worst]):g3})"));
    }

    static void AssertExact<T>(T[] expected, T[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
            if (!EqualityComparer<T>.Default.Equals(expected[k], actual[k]))
                throw new XunitException($"{what}: element {k} is {actual[k]}, expected {expected[k]}");
    }
}
