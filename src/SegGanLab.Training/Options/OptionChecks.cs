using System.Globalization;

namespace SegGanLab.Training;

/// <summary>Range checks of recipe options; each throws <see cref="ArgumentOutOfRangeException"/> naming the option as <c>Record.Property</c>.</summary>
internal static class OptionChecks
{
    public static void Positive(string option, double value)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw Fail(option, value, "must be positive and finite");
    }

    public static void NonNegative(string option, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value)) throw Fail(option, value, "must be finite and non-negative (0 turns it off)");
    }

    public static void Fraction(string option, double value, bool openAtOne = false)
    {
        if (!(value >= 0 && (openAtOne ? value < 1 : value <= 1))) throw Fail(option, value, openAtOne ? "must be in [0, 1)" : "must be in [0, 1]");
    }

    public static void AtLeast(string option, long value, long minimum)
    {
        if (value < minimum) throw Fail(option, value, $"must be at least {minimum.ToString(CultureInfo.InvariantCulture)}");
    }

    static ArgumentOutOfRangeException Fail(string option, object value, string rule) =>
        new(option, value, $"{option} {rule}; got {Convert.ToString(value, CultureInfo.InvariantCulture)}.");
}
