using SegGanLab.Data;
using SegGanLab.Data.Tests.Support;
using Xunit;

namespace SegGanLab.Data.Tests.Transforms;

public class TransformPipelineTests
{
    [Fact]
    public void FluentAndListForms_BuildTheSamePipeline_WithoutChangingTheOriginal()
    {
        var fluent = TransformPipeline.Empty.RandomScale(0.5, 2).RandomCrop(32, 24).HorizontalFlip().ColorJitter(0.2, 0.2, 0.2, 0.05)
                                           .RandomRotation(10).Normalize(Normalization.Symmetric);
        var list = new TransformPipeline([new RandomScale(0.5, 2), new RandomCrop(32, 24), new HorizontalFlip(), new ColorJitter(0.2, 0.2, 0.2, 0.05), new RandomRotation(10)],
                                         Normalization.Symmetric);
        Assert.Equal(list.ToString(), fluent.ToString());
        Assert.Equal("RandomScale(0.5..2) -> RandomCrop(32x24) -> HorizontalFlip(p=0.5) -> ColorJitter(brightness=0.2, contrast=0.2, saturation=0.2, hue=0.05) -> " +
                     "RandomRotation(±10°) -> Normalize(mean=[0.5, 0.5, 0.5], std=[0.5, 0.5, 0.5])", fluent.ToString());
        Assert.Empty(TransformPipeline.Empty.Steps);
        Assert.Same(Normalization.ImageNet, TransformPipeline.Empty.Normalization);
        for (var k = 0; k < 10; k++)
        {
            var r1 = new DataRandom(0, k);
            var r2 = new DataRandom(0, k);
            var a = fluent.Apply(MemoryDataset.NumberedSample(1, 40, 30, 3), ref r1);
            var b = list.Apply(MemoryDataset.NumberedSample(1, 40, 30, 3), ref r2);
            Assert.Equal((32, 24), (a.Width, a.Height));
            Assert.Equal(a.Image, b.Image);
            Assert.Equal(a.Mask, b.Mask);
        }
    }
}
