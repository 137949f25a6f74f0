using SegGanLab.Data;
using Xunit;

namespace SegGanLab.Data.Tests;

public class DataRandomTests
{
    static ulong[] Draw(DataRandom r, int n)
    {
        var v = new ulong[n];
        for (var i = 0; i < n; i++) v[i] = r.NextUInt64();
        return v;
    }

    [Fact]
    public void SameKeys_GiveTheSameStream_AndAnyKeyChangeGivesAnother()
    {
        Assert.Equal(Draw(new DataRandom(7, 1, 2, 3), 16), Draw(new DataRandom(7, 1, 2, 3), 16));
        var reference = Draw(new DataRandom(7, 1, 2, 3), 16);
        foreach (var other in new[] { new DataRandom(8, 1, 2, 3), new DataRandom(7, 2, 2, 3), new DataRandom(7, 1, 3, 3), new DataRandom(7, 1, 2, 4), new DataRandom(7, 2, 1, 3) })
            Assert.NotEqual(reference, Draw(other, 16));
    }

    [Fact]
    public void NextInt_StaysInRange_AndIsRoughlyUniform()
    {
        var r = new DataRandom(1);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++) counts[r.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_400, 10_600));
        for (var i = 0; i < 1000; i++) Assert.InRange(r.NextInt(-3, 3), -3, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => r.NextInt(0));
    }

    [Fact]
    public void NextDouble_AndNormal_HaveTheRightMoments()
    {
        var r = new DataRandom(2);
        double sum = 0, sumNormal = 0, sumSquares = 0;
        const int n = 50_000;
        for (var i = 0; i < n; i++)
        {
            var u = r.NextDouble();
            Assert.InRange(u, 0, 1 - double.Epsilon);
            sum += u;
            var z = r.Normal();
            sumNormal += z;
            sumSquares += z * z;
        }
        Assert.InRange(sum / n, 0.49, 0.51);
        Assert.InRange(sumNormal / n, -0.02, 0.02);
        Assert.InRange(sumSquares / n, 0.97, 1.03);
    }

    [Fact]
    public void Shuffle_IsAPermutation_DeterminedByTheKeys()
    {
        var a = Enumerable.Range(0, 100).ToArray();
        var b = Enumerable.Range(0, 100).ToArray();
        var ra = new DataRandom(3, 9);
        var rb = new DataRandom(3, 9);
        ra.Shuffle(a.AsSpan());
        rb.Shuffle(b.AsSpan());
        Assert.Equal(a, b);
        Assert.NotEqual(Enumerable.Range(0, 100), a);
        Assert.Equal(Enumerable.Range(0, 100), a.Order());
    }
}
