using SegGanLab.Data;
using Xunit;

namespace SegGanLab.Data.Tests.Datasets;

public class SyntheticDatasetTests
{
    [Fact]
    public void Scenes_AreDeterministicBySeed_AndDifferAcrossSeedsAndIndices()
    {
        var a = Data.Datasets.Synthetic(8, 48, 40, seed: 3);
        var b = Data.Datasets.Synthetic(8, 48, 40, seed: 3);
        var c = Data.Datasets.Synthetic(8, 48, 40, seed: 4);
        Assert.Equal(a.Get(5).Image, b.Get(5).Image);
        Assert.Equal(a.Get(5).Mask, b.Get(5).Mask);
        Assert.NotEqual(a.Get(5).Image, c.Get(5).Image);
        Assert.NotEqual(a.Get(5).Image, a.Get(6).Image);
        var s = a.Get(0);
        Assert.Equal((48, 40, 48 * 40 * 3), (s.Width, s.Height, s.Image.Length));
        Assert.Equal("synthetic-3-0", s.Name);
    }

    [Fact]
    public void EveryShapeClassOccurs_AndLabelsStayInRange()
    {
        var data = Data.Datasets.Synthetic(64, 64, 64, seed: 1);
        Assert.Equal(["background", "disc", "square", "triangle", "ring", "cross"], data.Classes.Names);
        var counts = new long[256];
        for (var i = 0; i < data.Count; i++)
            foreach (var v in data.Get(i).Mask) counts[v]++;
        Assert.All(counts[..6], c => Assert.True(c > 0));
        Assert.All(counts[6..], c => Assert.Equal(0, c));
        // Shapes cover a real share of the image but background dominates.
        var shapeShare = (double)counts[1..6].Sum() / counts.Sum();
        Assert.InRange(shapeShare, 0.1, 0.5);
    }

    [Fact]
    public void ClassColours_Overlap_SoColourAloneDoesNotTellTheClass()
    {
        // Per class, the mean colour and the spread of colours over many scenes: the means sit close
        // together compared with the spread, i.e. every class takes colours from the same distribution.
        var data = Data.Datasets.Synthetic(200, 48, 48, seed: 2);
        var sum = new double[6, 3];
        var sumSquares = new double[6, 3];
        var n = new long[6];
        for (var i = 0; i < data.Count; i++)
        {
            var s = data.Get(i);
            for (var p = 0; p < s.Mask.Length; p++)
            {
                var c = s.Mask[p];
                n[c]++;
                for (var k = 0; k < 3; k++)
                {
                    sum[c, k] += s.Image[3 * p + k];
                    sumSquares[c, k] += s.Image[3 * p + k] * (double)s.Image[3 * p + k];
                }
            }
        }
        for (var c = 0; c < 6; c++)
            for (var k = 0; k < 3; k++)
            {
                var mean = sum[c, k] / n[c];
                var std = Math.Sqrt(sumSquares[c, k] / n[c] - mean * mean);
                Assert.InRange(mean, 105, 150);
                Assert.True(std > 45, $"class {c} channel {k}: colour spread {std:0.0} is too narrow");
            }
    }

    [Fact]
    public void BadArguments_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Data.Datasets.Synthetic(4, 8, 64));
        Assert.Throws<ArgumentException>(() => Data.Datasets.Synthetic(4, options: new SyntheticOptions { MinShapes = 3, MaxShapes = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Data.Datasets.Synthetic(4).Get(4));
    }
}
