using SegGanLab.Data;
using SegGanLab.Data.Tests.Support;
using Xunit;

namespace SegGanLab.Data.Tests.Summary;

public class DatasetSummaryTests
{
    static SegmentationSample Sample(int w, int h, byte[] mask, string name) => new(w, h, new byte[w * h * 3], mask, 255, name);

    [Fact]
    public void Counts_ClassPixels_ImagePixelsWithClass_AndSizes()
    {
        var classes = new DatasetClasses(["bg", "a", "b"]);
        var data = new MemoryDataset(
        [
            Sample(2, 2, [0, 0, 1, 255], "one"),        // bg 2, a 1, ignored 1: 3 labelled pixels
            Sample(3, 1, [0, 2, 2], "two"),             // bg 1, b 2
            Sample(2, 2, [1, 1, 1, 1], "three"),        // a 4
        ], classes);
        var summary = DatasetSummary.Compute(data, threads: 2);
        Assert.Equal([3L, 5, 2], summary.ClassPixels);
        Assert.Equal([3L + 3, 3 + 4, 3], summary.ImagePixelsWithClass);
        Assert.Equal([2, 2, 1], summary.ImagesWithClass);
        Assert.Equal(1, summary.IgnoredPixels);
        Assert.Equal(11, summary.TotalPixels);
        Assert.Equal([new ImageSize(2, 2, 2), new ImageSize(3, 1, 1)], summary.ImageSizes);
        Assert.Empty(summary.Warnings);
        var text = summary.ToText();
        Assert.Contains("3 samples", text);
        Assert.Contains("2x2 (2)", text);
        Assert.Contains("No warnings.", text);
        Assert.Matches(@"1\s+a\s+5\s+50\.0%\s+2", text);
    }

    [Fact]
    public void Warns_WhenBinaryMasksAreReadAsTwoClassesWith255Ignored()
    {
        var classes = new DatasetClasses(["background", "foreground"]);
        var data = new MemoryDataset([Sample(2, 2, [0, 255, 255, 0], "m0"), Sample(2, 2, [0, 0, 255, 0], "m1")], classes);
        var warning = Assert.Single(DatasetSummary.Compute(data).Warnings);
        Assert.Contains("binary", warning);
        Assert.Contains("Datasets.Binary", warning);
    }

    [Fact]
    public void Warns_WhenEveryMaskIsEmpty_OrClassesNeverOccur()
    {
        var classes = new DatasetClasses(["bg", "a", "b", "c"]);
        var empty = new MemoryDataset([Sample(2, 1, [0, 0], "e0"), Sample(2, 1, [0, 255], "e1")], classes);
        Assert.Contains("Every mask is empty", Assert.Single(DatasetSummary.Compute(empty).Warnings));
        var partial = new MemoryDataset([Sample(2, 1, [0, 2], "p0")], classes);
        var warning = Assert.Single(DatasetSummary.Compute(partial).Warnings);
        Assert.Contains("2 of 4 classes never occur (1 'a', 3 'c')", warning);
    }

    [Fact]
    public void Warns_AboutLabelsOutsideTheClassRange_NamingAFileAndTheValue()
    {
        using var f = new FixtureFolder();
        for (var i = 0; i < 3; i++)
        {
            f.Rgb($"images/{i}.png", 3, 2);
            f.Mask($"masks/{i}.png", 3, 2, 0, (0, 0, (byte)(i == 1 ? 9 : 2)), (1, 0, 1));
        }
        var summary = DatasetSummary.Compute(Data.Datasets.Folder(f.Root, ["bg", "a", "b"]));
        var warning = Assert.Single(summary.Warnings);
        Assert.StartsWith("1 of 3 masks hold labels outside the class range", warning);
        Assert.Contains(f.PathOf("masks/1.png"), warning);
        Assert.Contains("value 9", warning);
        Assert.Equal(12, summary.TotalPixels);
    }

    [Fact]
    public void CollectsUnreadableSamples_InsteadOfThrowing()
    {
        var data = MemoryDataset.Numbered(6, 3, 3, failAt: 4);
        var summary = DatasetSummary.Compute(data);
        Assert.Contains(summary.Warnings, w => w.Contains("1 of 6 samples could not be read") && w.Contains("sample 4 is broken"));
        Assert.Equal(5 * 9, summary.TotalPixels);
        Assert.Contains("Warnings:", summary.ToText());
    }

    [Fact]
    public void MaxSamples_ExaminesAnEvenSpread()
    {
        var summary = DatasetSummary.Compute(MemoryDataset.Numbered(100, 2, 2), maxSamples: 10);
        Assert.Equal(10, summary.SamplesRead);
        Assert.Equal(100, summary.DatasetCount);
        Assert.Contains("(10 examined)", summary.ToText());
    }
}
