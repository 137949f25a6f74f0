using System.Globalization;

namespace SegGanLab.Data;

/// <summary>
/// Rescales by a factor drawn uniformly from [<see cref="Min"/>, <see cref="Max"/>] (both sides by
/// the same factor; mmsegmentation's ratio_range). Usually followed by <see cref="RandomCrop"/>.
/// </summary>
public sealed class RandomScale : JointTransform
{
    /// <summary>Creates the transform.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 &lt; min &lt;= max.</exception>
    public RandomScale(double min = 0.5, double max = 2.0)
    {
        if (!(min > 0) || !(max >= min))
            throw new ArgumentOutOfRangeException(nameof(min), $"RandomScale needs 0 < min <= max, got {min}..{max}.");
        (Min, Max) = (min, max);
    }

    /// <summary>The smallest factor.</summary>
    public double Min { get; }

    /// <summary>The largest factor.</summary>
    public double Max { get; }

    /// <inheritdoc/>
    public override SegmentationSample Apply(SegmentationSample sample, ref DataRandom random)
    {
        var factor = random.Uniform(Min, Max);
        var width = Math.Max(1, (int)Math.Round(sample.Width * factor));
        var height = Math.Max(1, (int)Math.Round(sample.Height * factor));
        return Resize.To(sample, width, height);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"RandomScale({Min:0.###}..{Max:0.###})");
}
