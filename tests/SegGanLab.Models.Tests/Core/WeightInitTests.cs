using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Core;

/// <summary>pix2pix's init_weights: each kind's statistics, zero biases, batch-norm scales around 1.</summary>
public class WeightInitTests
{
    [Theory]
    [InlineData(WeightInit.Normal, 0.02)]
    [InlineData(WeightInit.Xavier, 0.02)]
    [InlineData(WeightInit.Kaiming, 0.02)]
    [InlineData(WeightInit.Orthogonal, 0.02)]
    public void Convolutions_GetTheKindsSpread_AndZeroBias(WeightInit kind, double gain)
    {
        manual_seed(11);
        using var scope = NewDisposeScope();
        using var model = Models.PatchGan(baseWidth: 16, norm: NormKind.Instance).InitWeights(kind, gain);
        var conv = model.modules().OfType<Conv2d>().ElementAt(2);    // 32 -> 64 channels, 4x4
        var (fanIn, fanOut) = nn.init.calculate_fan_in_and_fan_out(conv.weight);
        var expected = kind switch
        {
            WeightInit.Normal => gain,
            WeightInit.Xavier => gain * Math.Sqrt(2.0 / (fanIn + fanOut)),
            WeightInit.Kaiming => Math.Sqrt(2.0 / fanIn),
            _ => gain * Math.Sqrt(1.0 / fanIn),   // orthogonal rows of a 64 x 512 matrix have unit norm
        };
        Assert.InRange(conv.weight.std().item<float>(), 0.95 * expected, 1.05 * expected);
        Assert.All(model.modules().OfType<Conv2d>(), c => Assert.Equal(0f, c.bias!.abs().max().item<float>()));
    }

    [Fact]
    public void Orthogonal_RowsAreOrthogonal()
    {
        manual_seed(5);
        using var scope = NewDisposeScope();
        using var model = Models.PixelGan(baseWidth: 8).InitWeights(WeightInit.Orthogonal, 1.0);
        var w = model.modules().OfType<Conv2d>().Last().weight;    // [1, 16, 1, 1]: one unit row
        Assert.Equal(1.0, w.norm().item<float>(), 5);
        var middle = model.modules().OfType<Conv2d>().ElementAt(1).weight.reshape(16, 8);    // 16 x 8: orthonormal columns
        Assert.True(middle.t().matmul(middle).allclose(eye(8), 1e-5, 1e-5));
    }

    [Fact]
    public void BatchNorm_ScaleAroundOne_ShiftZero()
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        using var model = Models.UNet(baseWidth: 32, depth: 2).InitWeights(WeightInit.Normal);
        var scales = cat(model.modules().OfType<BatchNorm2d>().Select(b => b.weight!).ToList());
        Assert.InRange(scales.mean().item<float>(), 0.995, 1.005);
        Assert.InRange(scales.std().item<float>(), 0.018, 0.022);
        Assert.All(model.modules().OfType<BatchNorm2d>(), b => Assert.Equal(0f, b.bias!.abs().max().item<float>()));
    }

    [Fact]
    public void Default_LeavesPyTorchsInitialisation()
    {
        manual_seed(1);
        using var a = Models.PixelGan(baseWidth: 4);
        manual_seed(1);
        using var b = Models.PixelGan(baseWidth: 4).InitWeights(WeightInit.Default);
        Assert.All(a.parameters().Zip(b.parameters()), p => Assert.True(p.First.allclose(p.Second, 0, 0)));
        Assert.Equal("gain", Assert.Throws<ModelOptionsException>(() => a.InitWeights(WeightInit.Normal, 0)).Option);
    }
}
