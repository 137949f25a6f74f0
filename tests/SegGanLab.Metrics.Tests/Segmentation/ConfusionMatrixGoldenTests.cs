using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Metrics.Tests.Segmentation;

/// <summary>
/// The confusion matrix and every metric derived from it against the numpy reference: ignored
/// pixels, a class predicted but absent from the ground truth, a class absent from both, a batch
/// stream, merging, and binary mode.
/// </summary>
public class ConfusionMatrixGoldenTests
{
    static void AssertMatches(GoldenCase c, ConfusionMatrix matrix)
    {
        Assert.Equal(MetricsGolden.Confusion(c), matrix.Counts);
        var scores = matrix.Compute();
        var rows = c.Param("expected", "per_class").EnumerateArray().ToArray();
        Assert.Equal(rows.Length, scores.PerClass.Count);
        for (var k = 0; k < rows.Length; k++)
        {
            var (row, actual) = (rows[k], scores.PerClass[k]);
            MetricsGolden.Same(MetricsGolden.Number(row.GetProperty("iou")), actual.IoU, $"{c.Name} class {k} IoU");
            MetricsGolden.Same(MetricsGolden.Number(row.GetProperty("acc")), actual.Accuracy, $"{c.Name} class {k} accuracy");
            MetricsGolden.Same(MetricsGolden.Number(row.GetProperty("dice")), actual.Dice, $"{c.Name} class {k} Dice");
            MetricsGolden.Same(MetricsGolden.Number(row.GetProperty("precision")), actual.Precision, $"{c.Name} class {k} precision");
        }
        foreach (var (name, value) in scores.Summary)
            MetricsGolden.Same(MetricsGolden.Number(c.Param("expected", "summary", name)), value, $"{c.Name} {name}");
    }

    [Fact]
    public void ClassScores_WithIgnoredAndAbsentClasses_MatchNumpy()
    {
        using var scope = NewDisposeScope();
        var c = MetricsGolden.Case("multiclass_scores");
        using var matrix = new ConfusionMatrix((int)c.Long("num_classes"), c.Long("ignore_index"));
        matrix.Update(c.Input("logits"), c.Input("target"));
        AssertMatches(c, matrix);
        var perClass = matrix.Compute().PerClass;
        Assert.True(double.IsNaN(perClass[5].IoU), "a class absent from prediction and ground truth has no IoU");
        Assert.Equal(0.0, perClass[4].IoU);    // predicted but absent from the ground truth
        Assert.True(double.IsNaN(perClass[4].Accuracy));
    }

    [Fact]
    public void BatchStream_AccumulatesAndMergesToTheSameCounts()
    {
        using var scope = NewDisposeScope();
        var c = MetricsGolden.Case("label_stream");
        var classes = (int)c.Long("num_classes");
        using var streamed = new ConfusionMatrix(classes);
        var parts = new List<ConfusionMatrix>();
        for (var k = 0; k < c.Long("batches"); k++)
        {
            streamed.Update(c.Input($"pred_{k}"), c.Input($"target_{k}"));
            var part = new ConfusionMatrix(classes);
            part.Update(c.Input($"pred_{k}"), c.Input($"target_{k}"));
            parts.Add(part);
        }
        AssertMatches(c, streamed);
        using var merged = new ConfusionMatrix(classes);
        foreach (var p in parts)
        {
            merged.Merge(p);
            p.Dispose();
        }
        AssertMatches(c, merged);
    }

    [Fact]
    public void MeanIoU_KeepsClassesWithZeroIntersection_UnlikeAdvSemiSeg()
    {
        using var scope = NewDisposeScope();
        var c = MetricsGolden.Case("label_stream");
        using var matrix = new ConfusionMatrix((int)c.Long("num_classes"));
        for (var k = 0; k < c.Long("batches"); k++) matrix.Update(c.Input($"pred_{k}"), c.Input($"target_{k}"));
        var scores = matrix.Compute();
        Assert.Equal(0.0, scores.PerClass[2].IoU);   // present in the ground truth, never predicted right
        Assert.True(c.Double("expected", "advsemiseg_miou") > scores.MeanIoU,
                    "AdvSemiSeg's mean drops zero-intersection classes, so it reads higher than ours");
    }

    [Theory]
    [InlineData("binary_threshold_0.5")]
    [InlineData("binary_threshold_0.7")]
    public void BinaryMode_ThresholdsTheSigmoid_AndMatchesNumpy(string name)
    {
        using var scope = NewDisposeScope();
        var c = MetricsGolden.Case(name);
        using var matrix = ConfusionMatrix.Binary(c.Double("threshold"), c.Long("ignore_index"));
        matrix.Update(c.Input("logits"), c.Input("target"));
        AssertMatches(c, matrix);
        Assert.Equal(["background", "foreground"], matrix.ClassNames);
    }

    [Fact]
    public void BinaryMode_AcceptsChannelTargetsAndFloat32Logits()
    {
        using var scope = NewDisposeScope();
        var c = MetricsGolden.Case("binary_threshold_0.5");
        using var matrix = ConfusionMatrix.Binary(0.5, 255);
        matrix.Update(c.Input("logits").to(float32).squeeze(1), c.Input("target").unsqueeze(1));
        Assert.Equal(MetricsGolden.Confusion(c), matrix.Counts);
    }

    [Fact]
    public void Reset_ForgetsTheCounts()
    {
        using var scope = NewDisposeScope();
        using var matrix = new ConfusionMatrix(3);
        matrix.Update(tensor(new long[] { 0, 1, 2 }), tensor(new long[] { 0, 1, 1 }));
        Assert.Equal(3, matrix.Counts.Cast<long>().Sum());
        matrix.Reset();
        Assert.Equal(0, matrix.Counts.Cast<long>().Sum());
        Assert.True(double.IsNaN(matrix.Compute().MeanIoU));
    }
}
