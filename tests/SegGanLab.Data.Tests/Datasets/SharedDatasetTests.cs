using SegGanLab.Data;
using SegGanLab.Data.Tests.Support;
using Xunit;

namespace SegGanLab.Data.Tests.Datasets;

/// <summary>The loaders on the real CamVid and ISBI membrane folders; skipped where /work/shared is absent (CI).</summary>
public class SharedDatasetTests
{
    [SharedDataFact("camvid")]
    public void CamVid_TrainAndVal_HaveTheSegNetCounts_AndLabelsWithinRange()
    {
        var root = SharedData.Find("camvid")!;
        var train = Data.Datasets.CamVid(root, "train");
        Assert.Equal(367, train.Count);
        Assert.Equal(101, Data.Datasets.CamVid(root, "val").Count);
        var summary = DatasetSummary.Compute(train, maxSamples: 24);
        Assert.Equal([new ImageSize(480, 360, 24)], summary.ImageSizes);
        Assert.DoesNotContain(summary.Warnings, w => !w.Contains("never occur"));
        // Road and building dominate CamVid, as the README's pixel shares say.
        var share = summary.ClassPixels.Select(p => (double)p / (summary.TotalPixels - summary.IgnoredPixels)).ToArray();
        Assert.InRange(share[3], 0.2, 0.45);
        Assert.InRange(share[1], 0.1, 0.35);
    }

    [SharedDataFact("membrane")]
    public void Membrane_IsBinary_With0And1Masks()
    {
        var data = Data.Datasets.Binary(SharedData.Find("membrane")!);
        Assert.Equal(30, data.Count);
        var s = data.Get(0);
        Assert.Equal((512, 512), (s.Width, s.Height));
        Assert.All(s.Mask, v => Assert.True(v is 0 or 1));
        Assert.Contains(s.Mask, v => v == 0);
        Assert.Contains(s.Mask, v => v == 1);
    }
}
