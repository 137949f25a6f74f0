using System.Globalization;

namespace SegGanLab.Experiments;

/// <summary>
/// <c>SEGGAN_STEP_SCALE</c>: a factor on every step count of a run (steps, evaluation and checkpoint
/// cadence, recipe start steps), so tests and notebooks' CI runs can run an experiment as written,
/// only shorter. Each scaled count is at least 1.
/// </summary>
internal static class StepScale
{
    public const string Variable = "SEGGAN_STEP_SCALE";

    /// <summary>The factor (1 when unset), or a problem when the variable is not a positive number.</summary>
    public static double Read(ProblemList problems)
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text)) return 1;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0 && double.IsFinite(scale)) return scale;
        problems.Add(Variable, $"the environment variable {Variable} is '{text}'; set it to a positive number (0.01 runs 1% of the steps) or unset it.");
        return 1;
    }

    /// <summary><paramref name="steps"/> x <paramref name="scale"/>, rounded, at least 1.</summary>
    public static long Apply(long steps, double scale) => scale == 1 ? steps : Math.Max(1, (long)Math.Round(steps * scale));
}
