using System.Globalization;

namespace SegGanLab.Models;

/// <summary>Argument checks shared by the model constructors; they throw <see cref="ModelOptionsException"/>.</summary>
internal static class Require
{
    internal static void Positive(string model, string option, long value)
    {
        if (value <= 0) throw new ModelOptionsException(option, string.Create(CultureInfo.InvariantCulture, $"{model}: {option} must be positive; got {value}."));
    }

    internal static void InRange(string model, string option, long value, long min, long max)
    {
        if (value < min || value > max)
            throw new ModelOptionsException(option, string.Create(CultureInfo.InvariantCulture, $"{model}: {option} must be between {min} and {max}; got {value}."));
    }

    internal static void Probability(string model, string option, double value)
    {
        if (!(value >= 0 && value < 1))
            throw new ModelOptionsException(option, string.Create(CultureInfo.InvariantCulture, $"{model}: {option} must be in [0, 1); got {value}."));
    }
}
