using System.Text.Json;
using Xunit;

namespace SegGanLab.Metrics.Tests.Segmentation;

/// <summary>The per-class table as text and as run-folder records, and the summary names.</summary>
public class SegmentationScoresTests
{
    // Ground truth rows, predictions columns: "road" perfect, "car" half right, "sky" never seen.
    static readonly SegmentationScores Scores = SegmentationScores.FromCounts(new long[,] { { 6, 0, 0 }, { 2, 2, 0 }, { 0, 0, 0 } }, ["road", "car", "sky"]);

    [Fact]
    public void Summary_UsesTheRunFolderNames()
    {
        Assert.Equal(["mIoU", "mAcc", "aAcc", "mDice", "fwIoU"], Scores.Summary.Keys);
        Assert.Equal((0.75 + 0.5) / 2, Scores.MeanIoU, 12);
        Assert.Equal(0.8, Scores.OverallAccuracy, 12);
        Assert.Equal(0.6 * 0.75 + 0.4 * 0.5, Scores.FrequencyWeightedIoU, 12);
    }

    [Fact]
    public void Table_IsAlignedText_WithNanForUndefinedClasses()
    {
        var lines = Scores.ToTable().Split('\n');
        Assert.Equal("class     IoU     Acc    Dice    Prec", lines[0]);
        Assert.Equal("road    75.00  100.00   85.71   75.00", lines[1]);
        Assert.Equal("car     50.00   50.00   66.67  100.00", lines[2]);
        Assert.Equal("sky       nan     nan     nan     nan", lines[3]);
        Assert.StartsWith("mIoU 62.50  mAcc 75.00  aAcc 80.00", lines[4]);
    }

    [Fact]
    public void PerClassRecords_SerialiseAsTheRunFolderSays_WithNullForNaN()
    {
        var json = JsonSerializer.Serialize(Scores.PerClass);
        Assert.Contains("{\"name\":\"car\",\"iou\":0.5,\"acc\":0.5,\"dice\":0.6666666666666666,\"precision\":1,\"recall\":0.5}", json);
        Assert.Contains("{\"name\":\"sky\",\"iou\":null,\"acc\":null,\"dice\":null,\"precision\":null,\"recall\":null}", json);
        var back = JsonSerializer.Deserialize<ClassScores[]>(json)!;
        Assert.True(double.IsNaN(back[2].IoU));
        Assert.Equal(Scores.PerClass[1], back[1]);
    }

    [Fact]
    public void FromCounts_RejectsANonSquareMatrixOrMissingNames()
    {
        Assert.Throws<ArgumentException>(() => SegmentationScores.FromCounts(new long[2, 3], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => SegmentationScores.FromCounts(new long[2, 2], ["a"]));
    }
}
