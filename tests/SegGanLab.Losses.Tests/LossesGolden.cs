namespace SegGanLab.Losses.Tests;

/// <summary>Golden/losses.json, written by tests/golden/make_losses_golden.py.</summary>
internal static class LossesGolden
{
    /// <summary>One case by name.</summary>
    public static GoldenCase Case(string name) => GoldenFile.Open("losses.json").Case(name);

    /// <summary>An optional integer parameter (absent: null).</summary>
    public static long? OptionalLong(this GoldenCase c, string name) =>
        c.Params.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetInt64() : null;

    /// <summary>An optional floating-point parameter (absent: <paramref name="fallback"/>).</summary>
    public static double OptionalDouble(this GoldenCase c, string name, double fallback) =>
        c.Params.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetDouble() : fallback;

    /// <summary>An optional list-of-numbers parameter (absent: null).</summary>
    public static double[]? OptionalDoubles(this GoldenCase c, string name) =>
        c.Params.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetDouble()).ToArray() : null;
}
