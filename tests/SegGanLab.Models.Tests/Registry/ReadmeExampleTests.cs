using Xunit;
using static SegGanLab.Models.Models;

namespace SegGanLab.Models.Tests.Registry;

/// <summary>The README's model-zoo example, kept compiling and working.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_BuildsChecksAndSummarises()
    {
        using var segmenter = UNet(inChannels: 3, numClasses: 12, depth: 4, baseWidth: 32);
        using var critic = PatchGan(imageChannels: 3, labelChannels: 12);
        critic.CheckCompatible(segmenter);
        var summary = segmenter.Summary(64, 64);
        Assert.Equal([1, 12, 64, 64], Assert.Single(summary.OutputShapes));
        using var fcn = Create("fcn8s", new ModelOptions { Backbone = Backbone.ResNet50, NumClasses = 12 });
        Assert.Equal(12, Assert.IsType<Fcn>(fcn).NumClasses);
    }
}
