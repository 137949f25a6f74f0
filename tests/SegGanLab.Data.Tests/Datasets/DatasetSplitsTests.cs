using SegGanLab.Data;
using SegGanLab.Data.Tests.Support;
using Xunit;

namespace SegGanLab.Data.Tests.Datasets;

public class DatasetSplitsTests
{
    [Fact]
    public void LabelledUnlabelled_SplitsByFraction_Disjointly_AndRepeatablyBySeed()
    {
        var data = MemoryDataset.Numbered(40, 4, 4);
        var (labelled, unlabelled) = DatasetSplits.LabelledUnlabelled(data, 0.125, seed: 7);
        Assert.Equal(5, labelled.Count);
        Assert.Equal(35, unlabelled.Count);
        Assert.Empty(labelled.Indices.Intersect(unlabelled.Indices));
        Assert.Equal(Enumerable.Range(0, 40), labelled.Indices.Concat(unlabelled.Indices).Order());
        Assert.Equal(labelled.Indices, DatasetSplits.LabelledUnlabelled(data, 0.125, seed: 7).labelled.Indices);
        Assert.NotEqual(labelled.Indices, DatasetSplits.LabelledUnlabelled(data, 0.125, seed: 8).labelled.Indices);
        Assert.Equal(labelled.Indices.Order(), labelled.Indices);
    }

    [Fact]
    public void TheUnlabelledPart_HidesItsMasks_ButKeepsItsImages()
    {
        var data = MemoryDataset.Numbered(10, 4, 4);
        var (labelled, unlabelled) = DatasetSplits.LabelledUnlabelled(data, 0.5, seed: 1);
        Assert.True(unlabelled.HidesLabels);
        Assert.False(labelled.HidesLabels);
        var hidden = unlabelled.Get(0);
        Assert.All(hidden.Mask, v => Assert.Equal(255, v));
        Assert.Equal(data.Get(unlabelled.Indices[0]).Image, hidden.Image);
        Assert.Equal(data.Get(labelled.Indices[0]).Mask, labelled.Get(0).Mask);
        Assert.Same(data.Classes, unlabelled.Classes);
    }

    [Fact]
    public void Fractions_RoundButNeverLoseTheLabelledPart()
    {
        var data = MemoryDataset.Numbered(10, 2, 2);
        Assert.Equal(1, DatasetSplits.ByFraction(data, 0.01).first.Count);
        Assert.Equal(0, DatasetSplits.ByFraction(data, 0).first.Count);
        Assert.Equal(10, DatasetSplits.ByFraction(data, 1).first.Count);
        Assert.Equal(3, DatasetSplits.ByFraction(data, 0.25).first.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplits.ByFraction(data, 1.5));
    }
}
