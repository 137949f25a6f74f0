using System.Text.Json;

namespace SegGanLab.Metrics.Tests;

/// <summary>Golden/metrics.json, written by tests/golden/make_metrics_golden.py (numpy only).</summary>
internal static class MetricsGolden
{
    /// <summary>One case by name.</summary>
    public static GoldenCase Case(string name) => GoldenFile.Open("metrics.json").Case(name);

    /// <summary>A number of the expected values, NaN where the file says null.</summary>
    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    /// <summary>A list of expected numbers.</summary>
    public static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(Number).ToArray();

    /// <summary>The expected confusion matrix.</summary>
    public static long[,] Confusion(GoldenCase c)
    {
        var rows = c.Param("expected", "confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray();
        var m = new long[rows.Length, rows.Length];
        for (var i = 0; i < rows.Length; i++)
            for (var j = 0; j < rows.Length; j++) m[i, j] = rows[i][j];
        return m;
    }

    /// <summary>Asserts <paramref name="actual"/> equals <paramref name="expected"/> within 1e-12, NaN only where NaN is expected.</summary>
    public static void Same(double expected, double actual, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Xunit.Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }
        Xunit.Assert.True(Math.Abs(expected - actual) <= 1e-12, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
