using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Core;

/// <summary>Inputs that do not fit raise <see cref="ModelInputException"/> whose message says how to fix them.</summary>
public sealed class InputCheckTests : IDisposable
{
    readonly UNet Unet = Models.UNet(baseWidth: 2);

    public void Dispose() => Unet.Dispose();

    [Fact]
    public void NonMultipleSize_SaysWhichSizeToPadTo()
    {
        using var x = zeros(1, 3, 250, 250);
        var e = Assert.Throws<ModelInputException>(() => Unet.forward(x));
        Assert.Equal("UNet: height and width must be multiples of 16; got 250x250: pad or resize to 256x256.", e.Message);
        Assert.Equal("UNet", e.Model);
        Assert.Equal([1, 3, 250, 250], e.Shape);
    }

    [Fact]
    public void NonSquareNonMultiple_RoundsEachSideUp()
    {
        using var x = zeros(1, 3, 360, 480);
        using var generator = Models.Pix2PixUNet(baseWidth: 1);
        var e = Assert.Throws<ModelInputException>(() => generator.forward(x));
        Assert.Equal("Pix2PixUNet: height and width must be multiples of 256; got 360x480: pad or resize to 512x512.", e.Message);
    }

    [Fact]
    public void WrongChannelCount_NamesTheOption()
    {
        using var x = zeros(2, 1, 32, 32);
        var e = Assert.Throws<ModelInputException>(() => Unet.forward(x));
        Assert.Equal("UNet: expects 3 input channels; got 1 in [2, 1, 32, 32]: convert the images or create the model with inChannels: 1.", e.Message);
    }

    [Fact]
    public void MissingBatchDimension_SaysUnsqueeze()
    {
        using var x = zeros(3, 32, 32);
        var e = Assert.Throws<ModelInputException>(() => Unet.forward(x));
        Assert.Equal("UNet: expects a 4-D batch [N, C, H, W] with C = 3; got [3, 32, 32]: add a batch dimension with unsqueeze(0).", e.Message);
    }

    [Fact]
    public void TooSmall_SaysWhyAndTheSmallestSize()
    {
        using var x = zeros(1, 5, 16, 40);
        using var patchGan = Models.PatchGan(baseWidth: 2);
        var e = Assert.Throws<ModelInputException>(() => patchGan.forward(x));
        Assert.Equal("PatchGan: needs height and width of at least 24 (3 stride-2 layers and two 4x4 ones); got 16x40: resize or pad to at least 24x40.", e.Message);
        using var tiny = zeros(1, 3, 8, 8);
        using var deepLab = Models.DeepLabV3PlusLite(baseWidth: 2, decoderWidth: 4);
        Assert.Contains("at least 16 (output stride 16)", Assert.Throws<ModelInputException>(() => deepLab.forward(tiny)).Message);
    }

    [Fact]
    public void IntegerImages_AreRefused()
    {
        using var x = zeros([1, 3, 32, 32], ScalarType.Byte);
        var e = Assert.Throws<ModelInputException>(() => Unet.forward(x));
        Assert.StartsWith("UNet: expects a floating-point batch; got uint8 [1, 3, 32, 32]: convert it with .to(ScalarType.Float32)", e.Message);
    }

    [Fact]
    public void MultiScale_MinimumCoversTheCoarsestScale()
    {
        using var d = Models.MultiScale(scales: 3, baseWidth: 2);
        Assert.Equal(((24 - 1) << 2) + 1, d.MinimumSize);
        using var x = zeros(1, 5, 64, 64);
        Assert.Contains("at least 93 (3 scales of PatchGan)", Assert.Throws<ModelInputException>(() => d.ForwardScales(x)).Message);
    }

    [Fact]
    public void DeepLab_BatchOfOneInTraining_SaysWhy()
    {
        using var model = Models.DeepLabV3PlusLite(baseWidth: 2, decoderWidth: 4);
        using var x = zeros(1, 3, 32, 32);
        var e = Assert.Throws<ModelInputException>(() => model.forward(x));
        Assert.StartsWith("DeepLabV3Plus: in training mode needs a batch of at least 2", e.Message);
        model.eval();
        using var y = model.forward(x);
        Assert.Equal([1, 2, 32, 32], y.shape);
    }

    [Fact]
    public void JointGenerator_WrongNoise_SaysHowToDrawIt()
    {
        using var g = Models.DcganJoint(latentSize: 8, outputSize: 8, baseWidth: 2);
        using var z = zeros(2, 7);
        var e = Assert.Throws<ModelInputException>(() => g.forward(z));
        Assert.Equal("DcganJointGenerator: expects noise [N, 8] or [N, 8, 1, 1]; got [2, 7]: draw it with torch.randn(n, 8) or use Sample(n).", e.Message);
        var (image, mask) = g.Sample(3);
        using (image)
        using (mask)
        {
            Assert.Equal([3, 3, 8, 8], image.shape);
            Assert.Equal([3, 2, 8, 8], mask.shape);
        }
    }
}
