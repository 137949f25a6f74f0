using SegGanLab.Losses;
using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training.Tests.Gan;

/// <summary>The pieces the adversarial recipes share: label maps, Luc's scaling encoding, the image pool, the adversarial ramp.</summary>
public class GanPartsTests
{
    [Fact]
    public void OneHot_ZeroesIgnoredPixels_AndBinaryKeepsOneChannel()
    {
        using var scope = NewDisposeScope();
        var labels = tensor(new long[] { 0, 2, 255, 1 }, [1, 2, 2]);
        var map = LabelMaps.OneHot(labels, 3, 255, ScalarType.Float32);
        Assert.Equal([1f, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0], map.permute(0, 2, 3, 1).reshape(-1).data<float>().ToArray());
        var binary = LabelMaps.OneHot(tensor(new long[] { 0, 1, 255, 1 }, [1, 2, 2]), 1, 255, ScalarType.Float32);
        Assert.Equal([0f, 1, 0, 1], binary.reshape(-1).data<float>().ToArray());
    }

    [Fact]
    public void Scaling_GivesTheTrueClassAtLeastTau_KeepsTheRestProportional_AndSumsToOne()
    {
        using var scope = NewDisposeScope();
        // Two pixels of class 0 and three classes: a confident wrong prediction (0.1, 0.6, 0.3) and a confident right one (0.95, 0.03, 0.02).
        var probabilities = tensor(new[] { 0.1f, 0.95f, 0.6f, 0.03f, 0.3f, 0.02f }, [1, 3, 1, 2]);
        var labels = tensor(new long[] { 0, 0 }, [1, 1, 2]);
        var oneHot = LabelMaps.OneHot(labels, 3, 255, ScalarType.Float32);
        var valid = LabelMaps.Valid(labels, 255, ScalarType.Float32);
        var real = LabelEncoder.Real(oneHot, probabilities, valid, LabelEncoding.Scaling, 0.9);
        var v = real.permute(0, 2, 3, 1).reshape(-1).data<float>().ToArray();
        // Pixel 0, true class 0 with s = 0.1: 0.9 for it, the other 0.1 split 0.6 : 0.3 as the prediction.
        Assert.Equal(new[] { 0.9, 0.1 * 0.6 / 0.9, 0.1 * 0.3 / 0.9 }, v[..3].Select(x => (double)x), new Tolerance(1e-6));
        // Pixel 1, true class 0 with s = 0.95 >= τ: the real map is the prediction itself.
        Assert.Equal(new[] { 0.95, 0.03, 0.02 }, v[3..].Select(x => (double)x), new Tolerance(1e-6));
        var binary = LabelEncoder.Real(tensor(new[] { 1f, 0f }, [1, 1, 1, 2]), tensor(new[] { 0.3f, 0.4f }, [1, 1, 1, 2]), ones(1, 1, 1, 2), LabelEncoding.Scaling, 0.9);
        Assert.Equal(new[] { 0.9, 0.1 }, binary.reshape(-1).data<float>().ToArray().Select(x => (double)x), new Tolerance(1e-6));
    }

    [Fact]
    public void ImagePool_ReturnsFakesWhileFilling_ThenMixesInOldOnes_AndRoundTripsThroughACheckpoint()
    {
        using var scope = NewDisposeScope();
        using var random = new Generator(1);
        using var pool = new ImagePool(3, random);
        var first = arange(0, 3, dtype: ScalarType.Float32).reshape(3, 1);
        Assert.Equal(first.data<float>().ToArray(), pool.Query(first).data<float>().ToArray());
        Assert.Equal(3, pool.Count);
        var next = (arange(0, 40, dtype: ScalarType.Float32) + 100).reshape(40, 1);
        var shown = pool.Query(next).data<float>().ToArray();
        Assert.Contains(shown, v => v < 100);                      // some old fakes come back ...
        Assert.Contains(shown, v => v >= 100);                     // ... and some current ones pass through
        var extras = new CheckpointExtras();
        pool.Save(extras, "pool");
        using var copy = new ImagePool(3, random);
        var taken = new CheckpointExtras();
        foreach (var (k, v) in extras.Strings) taken.Strings[k] = v;
        foreach (var (k, t) in extras.Tensors) taken.Tensors[k] = t.clone().DetachFromDisposeScope();
        copy.Load(taken, "pool");
        Assert.Equal(3, copy.Count);
        Assert.Throws<InvalidDataException>(() => copy.Load(new CheckpointExtras(), "pool"));
        var e = Assert.Throws<InvalidOperationException>(() => pool.Query(zeros(2, 2)));
        Assert.Contains("PoolSize to 0", e.Message);
    }

    [Fact]
    public void Ramp_ScalesOnlyTheAdversarialTerms()
    {
        var loss = Loss.CrossEntropy() + 0.5 * Loss.Dice + 0.01 * Loss.Adversarial;
        var ramped = GanLosses.Ramp(loss, 0.25);
        Assert.Equal([1, 0.5, 0.0025], ramped.Terms.Select(t => t.Weight), new Tolerance(1e-15));
        Assert.Same(loss, GanLosses.Ramp(loss, 1));
    }

    sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
