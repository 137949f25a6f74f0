using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SegGanLab.Torch.Serialization;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Serialization;

/// <summary>The serialization tests compare <see cref="TensorStatistics.Live"/> before and after, so nothing may run beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerializationCollection
{
    public const string Name = "Serialization (counts live tensors, runs alone)";
}

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"seggan-safetensors-{Guid.NewGuid():N}");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

static class SampleTensors
{
    /// <summary>One tensor of every dtype, with edge values, plus a 0-d and two empty tensors; the caller disposes them.</summary>
    public static List<KeyValuePair<string, Tensor>> EveryDtype()
    {
        using var bf16Source = tensor(new float[] { 1.5f, -2f, 0.15625f, MathF.ScaleB(1f, 127), float.NegativeInfinity, 1f / 1024 }, [2, 3]);
        return
        [
            new("f64", tensor(new double[] { 1.5, -0.0, double.NaN, double.PositiveInfinity, double.Epsilon, -1e300 }, [2, 3])),
            new("f32", tensor(new float[] { 0.1f, -0.0f, float.NaN, float.NegativeInfinity, float.Epsilon, 3.4e38f }, [3, 2])),
            new("f16", tensor<Half>([(Half)1.5, Half.NegativeZero, Half.MaxValue, Half.Epsilon, Half.NaN, (Half)(-2)], [6])),
            new("bf16", bf16Source.to(ScalarType.BFloat16)),
            new("i64", tensor(new long[] { long.MinValue, -1, 0, 1, long.MaxValue, 1L << 40 }, [2, 1, 3])),
            new("i32", tensor(new int[] { int.MinValue, -7, 0, int.MaxValue }, [4])),
            new("i16", tensor<short>([short.MinValue, -1, 0, short.MaxValue], [2, 2])),
            new("i8", tensor<sbyte>([sbyte.MinValue, -1, 0, sbyte.MaxValue], [4])),
            new("u8", tensor(new byte[] { 0, 1, 127, 128, 255 }, [5])),
            new("bool", tensor(new[] { true, false, true, true }, [2, 2])),
            new("scalar", tensor(3.25, ScalarType.Float32)),
            new("empty.rows", zeros([0, 3])),
            new("empty.i64", zeros([2, 0], ScalarType.Int64)),
        ];
    }

    public static void DisposeAll(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        foreach (var (_, t) in tensors) t.Dispose();
    }

    /// <summary>The raw little-endian bytes of a tensor, whatever its dtype.</summary>
    public static byte[] Bytes(Tensor t)
    {
        var bytes = new byte[t.numel() * t.element_size()];
        t.CopyTo<byte>(bytes);
        return bytes;
    }

    /// <summary>Asserts same names in the same order, dtypes, shapes and bit-identical data.</summary>
    public static void AssertSame(IReadOnlyList<KeyValuePair<string, Tensor>> expected, IReadOnlyList<KeyValuePair<string, Tensor>> actual)
    {
        Assert.Equal(expected.Select(p => p.Key), actual.Select(p => p.Key));
        for (var k = 0; k < expected.Count; k++)
        {
            var (e, a) = (expected[k].Value, actual[k].Value);
            Assert.Equal(e.dtype, a.dtype);
            Assert.Equal(e.shape, a.shape);
            Assert.Equal(Bytes(e), Bytes(a));
        }
    }
}

/// <summary>Builds safetensors files by hand, to feed the reader exactly the bytes a test needs.</summary>
static class RawFile
{
    public static byte[] Build(string header, byte[]? data = null)
    {
        var json = Encoding.UTF8.GetBytes(header);
        return Build(json, data ?? []);
    }

    public static byte[] Build(byte[] header, byte[] data)
    {
        var file = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)header.Length);
        header.CopyTo(file, 8);
        data.CopyTo(file, 8 + header.Length);
        return file;
    }

    public static void Write(string path, string header, byte[]? data = null) => File.WriteAllBytes(path, Build(header, data));

    /// <summary>The header length a file's first 8 bytes announce.</summary>
    public static int HeaderLength(byte[] file) => (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
}

/// <summary>Runs the checked-in Python peers of this folder with Debian's Python (numpy, torch), never a mock.</summary>
static class Python
{
    /// <summary>Runs a script from this folder and returns its standard output parsed as JSON.</summary>
    public static JsonDocument RunScript(string script, params string[] args) =>
        PythonProcess.RunJson(Path.Combine(AppContext.BaseDirectory, "Serialization", script), args);

    /// <summary>Asserts that a tensor holds the values a script printed (floats as repr() strings).</summary>
    public static void AssertValues(JsonElement printed, Tensor actual, string name)
    {
        var values = printed.EnumerateArray().ToArray();
        Assert.Equal(values.Length, actual.numel());
        if (actual.dtype.IsFloatingPoint())
        {
            using var asDouble = actual.to(ScalarType.Float64);
            var got = asDouble.data<double>();
            for (var k = 0; k < got.Length; k++)
            {
                var expected = ParseRepr(values[k].GetString()!);
                // Bits, so that -0.0 differs from 0.0; every NaN counts as the same value.
                if (!(double.IsNaN(expected) && double.IsNaN(got[k])))
                    Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(got[k]), $"{name}[{k}]: expected {expected:R}, got {got[k]:R}");
            }
        }
        else if (actual.dtype == ScalarType.Bool)
            Assert.Equal(values.Select(v => v.GetBoolean()), actual.data<bool>());
        else
        {
            using var asLong = actual.to(ScalarType.Int64);
            Assert.Equal(values.Select(v => v.GetInt64()), asLong.data<long>());
        }
    }

    static double ParseRepr(string repr) => repr switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(repr, CultureInfo.InvariantCulture),
    };

    /// <summary>The safetensors code of a dtype, as the scripts print it.</summary>
    public static string Code(ScalarType t) => t switch
    {
        ScalarType.Float64 => "F64",
        ScalarType.Float32 => "F32",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Int16 => "I16",
        ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8",
        ScalarType.Bool => "BOOL",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };
}
