using System.Globalization;

namespace SegGanLab.Torch;

/// <summary>
/// The string forms optimizer and scheduler state uses in checkpoint metadata. Doubles use "R" so
/// that a save/load round trip is bitwise exact (a resumed run must match an uninterrupted one).
/// </summary>
internal static class InvariantText
{
    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Format(bool value) => value ? "true" : "false";

    internal static string Format(IEnumerable<double> values) => string.Join(",", values.Select(Format));

    internal static string Format(IEnumerable<int> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    internal static double ParseDouble(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new ArgumentException($"'{key}' must be a number, got '{value}'.", nameof(value));

    internal static long ParseLong(string key, string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"'{key}' must be an integer, got '{value}'.", nameof(value));

    internal static int ParseInt(string key, string value) => checked((int)ParseLong(key, value));

    internal static bool ParseBool(string key, string value) =>
        bool.TryParse(value, out var b) ? b : throw new ArgumentException($"'{key}' must be true or false, got '{value}'.", nameof(value));

    internal static double[] ParseDoubles(string key, string value) =>
        value.Length == 0 ? [] : value.Split(',').Select(v => ParseDouble(key, v)).ToArray();

    internal static int[] ParseInts(string key, string value) =>
        value.Length == 0 ? [] : value.Split(',').Select(v => ParseInt(key, v)).ToArray();

    /// <summary>The value of a required key, or an <see cref="ArgumentException"/> naming it.</summary>
    internal static string Require(IReadOnlyDictionary<string, string> scalars, string key, string what) =>
        scalars.TryGetValue(key, out var v) ? v : throw new ArgumentException($"The {what} state has no '{key}' entry; was it saved by a different class or version?", nameof(scalars));
}
