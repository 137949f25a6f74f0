using SegGanLab.Data;
using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training.Tests.Restoration;

public class SyntheticBlurTests
{
    [Theory]
    [InlineData(BlurKind.Motion)]
    [InlineData(BlurKind.Gaussian)]
    public void Kernels_SumToOne_AreNonNegative_AndDependOnlyOnTheirKeys(BlurKind kind)
    {
        var blur = new SyntheticBlur(new BlurOptions { Kind = kind });
        var k = blur.Kernel(seed: 1, stream: 0, index: 5);
        Assert.Equal(15 * 15, k.Length);
        Assert.Equal(1.0, k.Sum(v => (double)v), 5);
        Assert.All(k, v => Assert.True(v >= 0));
        Assert.Equal(k, blur.Kernel(1, 0, 5));
        Assert.NotEqual(k, blur.Kernel(1, 0, 6));
        Assert.NotEqual(k, blur.Kernel(1, 1, 5));
    }

    [Fact]
    public void AStraightMotionKernel_SpreadsAlongALineOfItsLength()
    {
        var options = new BlurOptions { MinLength = 8, MaxLength = 8, Curvature = 0, KernelSize = 11 };
        var random = new DataRandom(7);
        var k = BlurKernels.Motion(options, ref random);
        // The exposure's principal axis has the variance of a uniform segment of length 8 (8²/12), the other axis almost none.
        double mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
        for (var i = 0; i < k.Length; i++) { mx += k[i] * (i % 11); my += k[i] * (i / 11); }
        for (var i = 0; i < k.Length; i++)
        {
            double dx = i % 11 - mx, dy = i / 11 - my;
            (xx, yy, xy) = (xx + k[i] * dx * dx, yy + k[i] * dy * dy, xy + k[i] * dx * dy);
        }
        var spread = Math.Sqrt((xx - yy) * (xx - yy) / 4 + xy * xy);
        var (major, minor) = ((xx + yy) / 2 + spread, (xx + yy) / 2 - spread);
        Assert.Equal(64 / 12.0, major, 0.5);
        Assert.True(minor < 0.3, $"a straight path has little spread across it; got {minor:F3}");
        Assert.Equal(5.0, mx, 0.6);
        Assert.Equal(5.0, my, 0.6);
    }

    [Fact]
    public void Apply_KeepsConstantImages_SmoothsOthers_AndBlursASampleAloneAsInItsBatch()
    {
        using var scope = NewDisposeScope();
        var blur = new SyntheticBlur(new BlurOptions { KernelSize = 7, MaxLength = 6 });
        var constant = full([2, 3, 16, 16], 0.25f);
        Assert.Equal(0.25, blur.Apply(constant, [3, 4], 0, 0).max().item<float>(), 5);
        using var g = new Generator(2);
        var noise = rand([3, 3, 16, 16], generator: g) * 2 - 1;
        var blurred = blur.Apply(noise, [7, 8, 9], seed: 0, stream: 2);
        Assert.Equal(noise.shape, blurred.shape);
        Assert.True(blurred.var().item<float>() < noise.var().item<float>() / 2);
        var alone = blur.Apply(noise.narrow(0, 1, 1), [8], seed: 0, stream: 2);
        Assert.Equal(blurred.narrow(0, 1, 1).data<float>().ToArray(), alone.data<float>().ToArray());
        var small = Assert.Throws<ArgumentException>(() => blur.Apply(zeros(1, 3, 3, 3), [0], 0, 0));
        Assert.Contains("KernelSize", small.Message);
    }

    [Fact]
    public void InvalidOptions_NameTheOption()
    {
        var even = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticBlur(new BlurOptions { KernelSize = 8 }));
        Assert.Contains("BlurOptions.KernelSize", even.Message);
        var longer = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticBlur(new BlurOptions { KernelSize = 7 }));
        Assert.Contains("BlurOptions.MaxLength", longer.Message);
    }
}
