using SegGanLab.Data;
using SegGanLab.Torch;
using Xunit;

namespace SegGanLab.Data.Tests.Transforms;

public class NormalizationTests
{
    [Fact]
    public void Normalize_WritesPlanesOfTheImageNetFormula()
    {
        byte[] rgb = [0, 128, 255, 10, 20, 30];
        var planes = new float[6];
        Normalization.ImageNet.Normalize(rgb, planes);
        double[] mean = [0.485, 0.456, 0.406], std = [0.229, 0.224, 0.225];
        for (var c = 0; c < 3; c++)
            for (var p = 0; p < 2; p++)
                Assert.Equal((rgb[3 * p + c] / 255.0 - mean[c]) / std[c], planes[c * 2 + p], 5);
    }

    [Fact]
    public void ToImage_InvertsTheNormalisation()
    {
        var rgb = Enumerable.Range(0, 4 * 3 * 3).Select(i => (byte)(i * 7)).ToArray();
        foreach (var n in new[] { Normalization.ImageNet, Normalization.UnitRange, Normalization.Symmetric })
        {
            var planes = new float[rgb.Length];
            n.Normalize(rgb, planes);
            using var tensor = torch.tensor(planes, [3, 3, 4]);
            var image = n.ToImage(tensor);
            Assert.Equal((4, 3, 3), (image.Width, image.Height, image.Channels));
            Assert.Equal(rgb, image.Pixels);
        }
    }

    [Fact]
    public void Denormalize_GivesUnitRangeValues()
    {
        byte[] rgb = [0, 51, 255];
        var planes = new float[3];
        Normalization.ImageNet.Normalize(rgb, planes);
        using var batch = torch.tensor(planes, [1, 3, 1, 1]);
        using var back = Normalization.ImageNet.Denormalize(batch);
        Assert.Equal([0f, 0.2f, 1f], back.data<float>().Select(v => MathF.Round(v, 4)).ToArray());
    }

    [Fact]
    public void BadStatistics_AreRejectedWithTheReason()
    {
        var e = Assert.Throws<ArgumentException>(() => new Normalization([0.5, 0.5], [0.5, 0.5]));
        Assert.Contains("3 means", e.Message);
        Assert.Throws<ArgumentException>(() => new Normalization([0, 0, 0], [1, 0, 1]));
        using var wrong = torch.zeros(2, 3, 4, 4);
        Assert.Throws<ArgumentException>(() => Normalization.ImageNet.ToImage(wrong));
    }
}
