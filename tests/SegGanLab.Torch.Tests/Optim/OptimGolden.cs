using System.Text.Json;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Optim;

/// <summary>
/// The optimizer and scheduler cases of Golden/golden.json (written by tests/golden/make_golden.py
/// with PyTorch 1.13): stored inputs, parameters and expected outputs.
/// </summary>
internal static class OptimGolden
{
    static readonly Lazy<JsonDocument> Document = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "golden.json");
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream);
    });

    public static JsonElement Case(string name) => Document.Value.RootElement.GetProperty("cases").GetProperty(name);

    public static JsonElement Param(this JsonElement c, string name) => c.GetProperty("params").GetProperty(name);

    /// <summary>The flat values of a stored tensor.</summary>
    public static double[] Values(this JsonElement c, string section, string name) =>
        c.GetProperty(section).GetProperty(name).GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>A stored float32 tensor, built fresh.</summary>
    public static Tensor Float32(this JsonElement c, string section, string name)
    {
        var t = c.GetProperty(section).GetProperty(name);
        Assert.Equal("float32", t.GetProperty("dtype").GetString());
        var shape = t.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var data = t.GetProperty("data").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        return tensor<float>(data, shape);
    }

    /// <summary>Asserts |actual − expected| ≤ rtol·|expected| + atol elementwise, naming the first mismatch.</summary>
    public static void AssertClose(double[] expected, double[] actual, double rtol, double atol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= rtol * Math.Abs(expected[i]) + atol,
                        $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
