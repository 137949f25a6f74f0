namespace SegGanLab.Plots;

/// <summary>Curve smoothing for noisy training losses.</summary>
public static class Smoothing
{
    /// <summary>
    /// TensorBoard's smoothing: an exponential moving average with weight
    /// <paramref name="weight"/> (0 = none, 0.99 = heavy), debiased so the first points are not
    /// pulled toward zero. Non-finite values stay gaps and do not disturb the average.
    /// </summary>
    public static double[] Ema(IReadOnlyList<double> values, double weight)
    {
        if (weight is < 0 or >= 1 || double.IsNaN(weight))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "EMA smoothing weight must be in [0, 1).");
        var smoothed = new double[values.Count];
        double average = 0, debias = 1, low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (var i = 0; i < values.Count; i++)
        {
            var x = values[i];
            if (!double.IsFinite(x)) { smoothed[i] = double.NaN; continue; }
            average = average * weight + (1 - weight) * x;
            debias *= weight;
            (low, high) = (Math.Min(low, x), Math.Max(high, x));
            // The average is a convex combination of the values seen, so it lies within their range;
            // clamping removes the rounding drift that would make a constant curve wobble at 1e-16.
            smoothed[i] = Math.Clamp(average / (1 - debias), low, high);
        }
        return smoothed;
    }
}
