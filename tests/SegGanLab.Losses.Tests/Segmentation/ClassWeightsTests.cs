using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Segmentation;

public class ClassWeightsTests
{
    [Fact]
    public void MedianFrequency_MatchesNumpyReference_WithAnAbsentClassWeightedZero()
    {
        var c = LossesGolden.Case("median_frequency");
        var weights = ClassWeights.MedianFrequency(c.InputData("class_pixels").Longs, c.InputData("image_pixels").Longs);
        GoldenAssert.AssertClose(c.Output("weights").Doubles, weights, 1e-12, "median-frequency weights");
        Assert.Equal(0.0, weights[2]);
    }

    [Fact]
    public void MedianFrequency_GivesTheMedianClassWeightOne()
    {
        // freq = 0.1, 0.2, 0.4: the median class gets 1, the rare one 2, the frequent one 0.5.
        var w = ClassWeights.MedianFrequency([10, 20, 40], [100, 100, 100]);
        Assert.Equal([2.0, 1.0, 0.5], w);
    }

    [Theory]
    [InlineData(new long[] { 1, 2 }, new long[] { 10 }, "one pixel count and one image-pixel count per class")]
    [InlineData(new long[] { 5, -1 }, new long[] { 10, 10 }, "non-negative")]
    [InlineData(new long[] { 50, 1 }, new long[] { 10, 10 }, "cannot exceed")]
    [InlineData(new long[] { 0, 0 }, new long[] { 0, 0 }, "at least one class")]
    public void MedianFrequency_RejectsInconsistentCounts(long[] pixels, long[] imagePixels, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => ClassWeights.MedianFrequency(pixels, imagePixels));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void CrossEntropy_WithMedianFrequencyWeights_WeighsRareClassesMore()
    {
        using var scope = NewDisposeScope();
        var w = ClassWeights.MedianFrequency([900, 100], [1000, 1000]);
        // The same per-pixel error on a rare-class pixel costs more than on a frequent-class pixel.
        var logits = tensor(new float[] { 0, 0, 0, 0 }, [1, 2, 1, 2]);
        var weighted = Loss.CrossEntropy(w);
        var onRare = weighted.Forward(logits, tensor(new long[] { 1, 1 }, [1, 1, 2])).item<float>();
        var plain = Loss.CrossEntropy().Forward(logits, tensor(new long[] { 1, 1 }, [1, 1, 2])).item<float>();
        Assert.Equal(plain, onRare, 5);   // a weighted mean of one class is that class's loss
        var mixed = weighted.Forward(tensor(new float[] { 2, 0, 0, 0 }, [1, 2, 1, 2]), tensor(new long[] { 1, 0 }, [1, 1, 2])).item<float>();
        var mixedPlain = Loss.CrossEntropy().Forward(tensor(new float[] { 2, 0, 0, 0 }, [1, 2, 1, 2]), tensor(new long[] { 1, 0 }, [1, 1, 2])).item<float>();
        Assert.True(mixed > mixedPlain, $"the wrong rare-class pixel should dominate: weighted {mixed}, plain {mixedPlain}");
    }
}
