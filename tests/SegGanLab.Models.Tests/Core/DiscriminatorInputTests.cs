using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Core;

/// <summary>A discriminator checks the image/label pair it is given and whether a generator's output fits it.</summary>
public sealed class DiscriminatorInputTests : IDisposable
{
    readonly PatchGan Conditional = Models.PatchGan(imageChannels: 3, labelChannels: 4, baseWidth: 2);
    readonly FullyConvDiscriminator Unconditional = Models.HungDiscriminator(labelChannels: 4, baseWidth: 2);

    public void Dispose()
    {
        Conditional.Dispose();
        Unconditional.Dispose();
    }

    [Fact]
    public void Pair_IsConcatenatedImageFirst()
    {
        using var scope = NewDisposeScope();
        var image = randn(2, 3, 32, 32);
        var labels = rand(2, 4, 32, 32);
        Conditional.eval();
        var joint = Conditional.forward(image, labels);
        var direct = Conditional.forward(cat([image, labels], 1));
        Assert.True(joint.allclose(direct, 0, 0));
        Assert.Equal([2, 1, 2, 2], joint.shape);
    }

    [Fact]
    public void WrongLabelChannels_SaysWhichToCreate()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ModelInputException>(() => Conditional.forward(randn(2, 3, 32, 32), rand(2, 5, 32, 32)));
        Assert.Equal("PatchGan: judges label maps [N, 4, H, W] (one channel per class: one-hot or probabilities); got [2, 5, 32, 32]: create the discriminator with labelChannels: 5 or pass the matching map.", e.Message);
    }

    [Fact]
    public void ImageOfAnotherSize_IsRefused()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ModelInputException>(() => Conditional.forward(randn(2, 3, 64, 64), rand(2, 4, 32, 32)));
        Assert.StartsWith("PatchGan: needs an image [2, 3, 32, 32] to go with labels [2, 4, 32, 32]; got [2, 3, 64, 64]: resize the image", e.Message);
    }

    [Fact]
    public void MissingOrExtraImage_IsRefused()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("PatchGan: is conditioned on an image with 3 channels but was given none: pass the image, or create it with imageChannels: 0.",
                     Assert.Throws<ModelInputException>(() => Conditional.forward(null, rand(1, 4, 32, 32))).Message);
        Assert.StartsWith("FullyConvDiscriminator: is unconditional (imageChannels: 0) but was given an image",
                          Assert.Throws<ModelInputException>(() => Unconditional.forward(randn(1, 3, 32, 32), rand(1, 4, 32, 32))).Message);
        Assert.Equal([1, 1, 32, 32], Unconditional.forward(null, rand(1, 4, 32, 32)).shape);
    }

    [Fact]
    public void DirectInputOfWrongWidth_ExplainsTheConcatenation()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ModelInputException>(() => Conditional.forward(rand(1, 4, 32, 32)));
        Assert.Equal("PatchGan: expects 7 input channels; got 4 in [1, 4, 32, 32]: it takes the image (3 channels) and the label map (4 channels) concatenated; use forward(image, labels), or create it with imageChannels and labelChannels that add up to 4.", e.Message);
    }

    [Fact]
    public void CheckCompatible_NamesTheOptionToChange()
    {
        using var segmenter = Models.UNet(numClasses: 5, baseWidth: 2);
        var e = Assert.Throws<ModelCompatibilityException>(() => Conditional.CheckCompatible(segmenter));
        Assert.Equal("PatchGan judges label maps with 4 channels, but the generator UNet produces 5: create the discriminator with labelChannels: 5.", e.Message);
        using var grey = Models.UNet(inChannels: 1, numClasses: 4, baseWidth: 2);
        Assert.Equal("PatchGan is conditioned on images with 3 channels, but the generator UNet takes 1: create the discriminator with imageChannels: 1.",
                     Assert.Throws<ModelCompatibilityException>(() => Conditional.CheckCompatible(grey)).Message);
        using var fits = Models.UNet(numClasses: 4, baseWidth: 2);
        Conditional.CheckCompatible(fits);
        Unconditional.CheckCompatible(grey);
    }
}
