using System.Globalization;

namespace SegGanLab.Data;

/// <summary>Mirrors image and mask left-right with probability <see cref="Probability"/>.</summary>
public sealed class HorizontalFlip : JointTransform
{
    /// <summary>Creates the transform.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 &lt;= p &lt;= 1.</exception>
    public HorizontalFlip(double probability = 0.5)
    {
        if (probability is < 0 or > 1 || double.IsNaN(probability))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "HorizontalFlip's probability must be within 0..1.");
        Probability = probability;
    }

    /// <summary>The chance of flipping.</summary>
    public double Probability { get; }

    /// <inheritdoc/>
    public override SegmentationSample Apply(SegmentationSample sample, ref DataRandom random)
    {
        if (!random.Chance(Probability)) return sample;
        int w = sample.Width, h = sample.Height;
        var image = sample.Image;
        var mask = sample.Mask;
        for (var y = 0; y < h; y++)
        {
            mask.AsSpan(y * w, w).Reverse();
            var row = image.AsSpan(y * w * 3, w * 3);
            for (int a = 0, b = (w - 1) * 3; a < b; a += 3, b -= 3)
            {
                (row[a], row[b]) = (row[b], row[a]);
                (row[a + 1], row[b + 1]) = (row[b + 1], row[a + 1]);
                (row[a + 2], row[b + 2]) = (row[b + 2], row[a + 2]);
            }
        }
        return sample;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"HorizontalFlip(p={Probability:0.###})");
}
