using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Metrics.Tests.Segmentation;

/// <summary>Bad inputs give a <see cref="MetricInputException"/> naming shapes and values; updates leave no tensors behind.</summary>
public class ConfusionMatrixInputTests
{
    [Fact]
    public void LabelsOutsideTheClasses_AreListed()
    {
        using var scope = NewDisposeScope();
        using var matrix = new ConfusionMatrix(3, ignoreIndex: 255);
        var e = Assert.Throws<MetricInputException>(() => matrix.Update(zeros(1, 3, 2, 2), tensor(new long[] { 0, 5, 255, 3 }, [1, 2, 2])));
        Assert.Contains("target values 3, 5 in [1, 2, 2] are outside [0, 3)", e.Message);
        Assert.Contains("ignore index (255)", e.Message);
        Assert.Equal(0, matrix.Counts.Cast<long>().Sum());
    }

    [Fact]
    public void ScoresWithTheWrongClassCountOrShape_NameBothShapes()
    {
        using var scope = NewDisposeScope();
        using var matrix = new ConfusionMatrix(4);
        var classes = Assert.Throws<MetricInputException>(() => matrix.Update(zeros(2, 3, 5, 5), zeros([2, 5, 5], int64)));
        Assert.Contains("class scores [2, 3, 5, 5] do not fit target [2, 5, 5] with 4 classes", classes.Message);
        var shape = Assert.Throws<MetricInputException>(() => matrix.Update(zeros([2, 5, 4], int64), zeros([2, 5, 5], int64)));
        Assert.Contains("[2, 5, 4]", shape.Message);
    }

    [Fact]
    public void BinaryMode_RejectsA0To255Mask_AndMulticlassScores()
    {
        using var scope = NewDisposeScope();
        using var matrix = ConfusionMatrix.Binary();
        var mask = Assert.Throws<MetricInputException>(() => matrix.Update(zeros(1, 1, 2, 2), tensor(new long[] { 0, 255, 255, 0 }, [1, 2, 2])));
        Assert.Contains("map a 0/255 mask first", mask.Message);
        var multi = Assert.Throws<MetricInputException>(() => matrix.Update(zeros(1, 3, 2, 2), zeros([1, 2, 2], int64)));
        Assert.Contains("single-channel logits", multi.Message);
    }

    [Fact]
    public void Merge_RejectsAnotherClassCount()
    {
        using var a = new ConfusionMatrix(3);
        using var b = new ConfusionMatrix(4);
        Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(1));
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(3, classNames: ["a", "b"]));
    }

    [Fact]
    public void Updates_LeaveNoTensorBehind()
    {
        using var matrix = new ConfusionMatrix(5, ignoreIndex: 255);
        using var other = new ConfusionMatrix(5, ignoreIndex: 255);
        using var logits = randn(2, 5, 16, 16);
        using var target = randint(0, 5, [2, 16, 16]);
        matrix.Update(logits, target);
        other.Update(logits, target);
        var before = LiveTensors.Settled();
        for (var k = 0; k < 50; k++)
        {
            matrix.Update(logits, target);
            matrix.Merge(other);
            _ = matrix.Compute();
        }
        Assert.Equal(before, LiveTensors.Settled());
        Assert.Equal(101L * 2 * 16 * 16, matrix.Counts.Cast<long>().Sum());
    }
}
