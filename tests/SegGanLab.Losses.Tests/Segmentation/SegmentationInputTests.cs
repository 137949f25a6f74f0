using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Segmentation;

/// <summary>Bad segmentation inputs give a <see cref="LossInputException"/> naming the shapes and values at fault.</summary>
public class SegmentationInputTests
{
    [Fact]
    public void MismatchedShapes_NameBothAndTheExpectedOne()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<LossInputException>(() => Loss.Dice.Forward(randn(2, 4, 8, 8), zeros([2, 8, 9], int64)));
        Assert.Contains("logits [2, 4, 8, 8]", e.Message);
        Assert.Contains("labels [2, 8, 9]", e.Message);
        Assert.Contains("must be [2, 8, 8]", e.Message);
    }

    [Fact]
    public void LabelsOutsideTheClasses_AreListed_WithTheClassCount()
    {
        using var scope = NewDisposeScope();
        var labels = tensor(new long[] { 0, 1, 7, 2, 9, 255, 7, -1 }, [1, 2, 4]);
        var e = Assert.Throws<LossInputException>(() => new CrossEntropyLoss(ignoreIndex: 255).Forward(randn(1, 4, 2, 4), labels));
        Assert.Contains("label values -1, 7, 9", e.Message);
        Assert.Contains("outside [0, 4)", e.Message);
        Assert.Contains("ignore index (255)", e.Message);
        Assert.Contains("4 classes", e.Message);
    }

    [Fact]
    public void TheIgnoreIndex_IsNotAnError()
    {
        using var scope = NewDisposeScope();
        var labels = tensor(new long[] { 0, 1, 255, 2 }, [1, 2, 2]);
        var loss = new FocalLoss(ignoreIndex: 255).Forward(randn(1, 3, 2, 2), labels);
        Assert.True(double.IsFinite(loss.item<float>()));
    }

    [Fact]
    public void WrongNumberOfClassWeights_NamesBothCounts()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<LossInputException>(() => new DiceLoss(classWeights: [1, 2]).Forward(randn(1, 3, 2, 2), zeros([1, 2, 2], int64)));
        Assert.Contains("2 class weights [1, 2] for 3 classes", e.Message);
    }

    [Fact]
    public void BinaryLabels_MustBeZeroOrOne()
    {
        using var scope = NewDisposeScope();
        var mask = tensor(new long[] { 0, 255, 255, 0 }, [1, 2, 2]);
        var e = Assert.Throws<LossInputException>(() => Loss.Dice.Forward(randn(1, 1, 2, 2), mask));
        Assert.Contains("label values 255", e.Message);
        Assert.Contains("map a 0/255 mask to 0/1", e.Message);
    }

    [Fact]
    public void ModeAndChannels_MustAgree()
    {
        using var scope = NewDisposeScope();
        var binary = Assert.Throws<LossInputException>(() => new DiceLoss(SegmentationMode.Binary).Forward(randn(1, 3, 2, 2), zeros([1, 2, 2], int64)));
        Assert.Contains("binary mode needs single-channel logits [N, 1, H, W]; got [1, 3, 2, 2]", binary.Message);
        var multi = Assert.Throws<LossInputException>(() => Loss.Lovasz.Forward(randn(1, 1, 2, 2), zeros([1, 2, 2], int64)));
        Assert.Contains("multiclass mode needs logits with two or more class channels; got [1, 1, 2, 2]", multi.Message);
    }

    [Fact]
    public void MulticlassLabels_MustBeIntegers_AndLogitsFloatingPoint()
    {
        using var scope = NewDisposeScope();
        var floatLabels = Assert.Throws<LossInputException>(() => Loss.Dice.Forward(randn(1, 3, 2, 2), zeros(1, 2, 2)));
        Assert.Contains("integer class indices; got float32 [1, 2, 2]", floatLabels.Message);
        var intLogits = Assert.Throws<LossInputException>(() => Loss.Dice.Forward(zeros([1, 3, 2, 2], int64), zeros([1, 2, 2], int64)));
        Assert.Contains("floating-point [N, C, H, W]; got int64 [1, 3, 2, 2]", intLogits.Message);
    }

    [Fact]
    public void ByteLabels_FromPngMasks_AreAccepted()
    {
        using var scope = NewDisposeScope();
        var logits = randn(1, 3, 2, 2);
        var asBytes = Loss.Dice.Forward(logits, tensor(new byte[] { 0, 1, 2, 1 }, [1, 2, 2])).item<float>();
        var asLongs = Loss.Dice.Forward(logits, tensor(new long[] { 0, 1, 2, 1 }, [1, 2, 2])).item<float>();
        Assert.Equal(asLongs, asBytes);
    }
}
