using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Metrics.Tests.Restoration;

/// <summary>PSNR and SSIM against the numpy implementation of the paper's formulas.</summary>
public class RestorationMetricsTests
{
    [Theory]
    [InlineData("restoration_rgb")]
    [InlineData("restoration_gray_signed")]
    public void PsnrAndSsim_PerImage_MatchNumpy(string name)
    {
        using var scope = NewDisposeScope();
        var c = MetricsGolden.Case(name);
        var range = c.Double("data_range");
        var (output, target) = (c.Input("output"), c.Input("target"));
        GoldenAssert.AssertClose(MetricsGolden.Numbers(c.Param("expected", "psnr")), Psnr.Compute(output, target, range).data<double>(), 1e-12, "PSNR");
        GoldenAssert.AssertClose(MetricsGolden.Numbers(c.Param("expected", "ssim")), Ssim.Compute(output, target, range).data<double>(), 1e-10, "SSIM");
    }

    [Fact]
    public void Accumulator_AveragesEveryImage_AndMerges()
    {
        using var scope = NewDisposeScope();
        var rgb = MetricsGolden.Case("restoration_rgb");
        var psnr = MetricsGolden.Numbers(rgb.Param("expected", "psnr"));
        var ssim = MetricsGolden.Numbers(rgb.Param("expected", "ssim"));
        var first = new RestorationMetrics();
        var second = new RestorationMetrics();
        first.Update(rgb.Input("output").narrow(0, 0, 1), rgb.Input("target").narrow(0, 0, 1));
        second.Update(rgb.Input("output").narrow(0, 1, 1).to(float32), rgb.Input("target").narrow(0, 1, 1).to(float32));
        first.Merge(second);
        Assert.Equal(2, first.Count);
        Assert.Equal(psnr.Average(), first.MeanPsnr, 4);   // one image went through float32
        Assert.Equal(ssim.Average(), first.MeanSsim, 5);
        Assert.Equal(["PSNR", "SSIM"], first.Summary.Keys);
        Assert.Throws<ArgumentException>(() => first.Merge(new RestorationMetrics(2.0)));
    }

    [Fact]
    public void IdenticalImages_HaveSsimOne_AndInfinitePsnr()
    {
        using var scope = NewDisposeScope();
        var image = rand(2, 3, 12, 12);
        Assert.All(Ssim.Compute(image, image).data<double>(), v => Assert.Equal(1.0, v, 12));
        Assert.All(Psnr.Compute(image, image).data<double>(), v => Assert.True(double.IsPositiveInfinity(v)));
    }

    [Fact]
    public void ImagesSmallerThanTheWindow_OrMismatched_AreClearErrors()
    {
        using var scope = NewDisposeScope();
        var small = Assert.Throws<MetricInputException>(() => Ssim.Compute(zeros(1, 3, 8, 20), zeros(1, 3, 8, 20)));
        Assert.Contains("smaller than the 11x11 window", small.Message);
        var mismatch = Assert.Throws<MetricInputException>(() => Psnr.Compute(zeros(1, 3, 16, 16), zeros(1, 1, 16, 16)));
        Assert.Contains("[1, 3, 16, 16]", mismatch.Message);
        Assert.Contains("[1, 1, 16, 16]", mismatch.Message);
    }

    [Fact]
    public void Updates_LeaveNoTensorBehind()
    {
        var metrics = new RestorationMetrics();
        using var output = rand(2, 3, 16, 16);
        using var target = rand(2, 3, 16, 16);
        metrics.Update(output, target);
        var before = LiveTensors.Settled();
        for (var k = 0; k < 30; k++) metrics.Update(output, target);
        Assert.Equal(before, LiveTensors.Settled());
        Assert.Equal(62, metrics.Count);
    }
}
