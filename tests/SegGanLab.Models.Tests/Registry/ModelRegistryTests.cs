using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Registry;

/// <summary>Names, suggestions, option checks and typed creation of <see cref="Models.Create"/>.</summary>
public class ModelRegistryTests
{
    [Fact]
    public void Names_AreTheIssueList()
    {
        string[] expected = ["unet", "unet_128", "unet_256", "segnet", "segnet_basic", "fcn8s", "fcn16s", "fcn32s", "deeplabv3plus_lite",
                             "patchgan", "pixelgan", "hung_fcd", "multiscale", "dcgan_joint", "resnet_6blocks", "resnet_9blocks"];
        Assert.Equal(expected, Models.Names);
        Assert.All(Models.Catalog, i => Assert.False(string.IsNullOrWhiteSpace(i.Description)));
    }

    [Theory]
    [InlineData("unte", "unet")]
    [InlineData("UNet256", "unet_256")]
    [InlineData("segnetbasic", "segnet_basic")]
    [InlineData("patchgna", "patchgan")]
    [InlineData("fcn8", "fcn8s")]
    public void UnknownName_SuggestsTheClosestAndListsAll(string typo, string suggestion)
    {
        var e = Assert.Throws<UnknownModelException>(() => Models.Create(typo));
        Assert.Equal(suggestion, e.Suggestion);
        Assert.StartsWith($"Unknown model '{typo}'. Did you mean '{suggestion}'? Valid names: unet, unet_128, unet_256, segnet,", e.Message);
        Assert.EndsWith("resnet_6blocks, resnet_9blocks.", e.Message);
    }

    [Fact]
    public void UnrelatedName_ListsWithoutSuggesting()
    {
        var e = Assert.Throws<UnknownModelException>(() => Models.Create("transformer"));
        Assert.Null(e.Suggestion);
        Assert.StartsWith("Unknown model 'transformer'. Valid names: unet,", e.Message);
    }

    [Theory]
    [InlineData("UNET")]
    [InlineData(" unet ")]
    [InlineData("SegNet-Basic")]
    public void Names_IgnoreCaseDashesAndSpaces(string name)
    {
        using var model = Models.Create(name, new ModelOptions { BaseWidth = 2 });
        Assert.IsAssignableFrom<SegmentationModel>(model);
    }

    [Fact]
    public void OptionThatDoesNotApply_NamesItAndTheAcceptedOnes()
    {
        var e = Assert.Throws<ModelOptionsException>(() => Models.Create("patchgan", new ModelOptions { Depth = 5 }));
        Assert.Equal("Depth", e.Option);
        Assert.Equal("Option Depth does not apply to 'patchgan' (PatchGan); it takes: ImageChannels, LabelChannels, Layers, BaseWidth, Norm, Init, InitGain.", e.Message);
    }

    [Fact]
    public void Options_ReachTheModel()
    {
        using var unet = Models.Create<UNet>("unet", new ModelOptions { InChannels = 1, NumClasses = 5, Depth = 2, BaseWidth = 8, Upsampling = Upsampling.Bilinear, Norm = NormKind.Instance, Dropout = 0.2 });
        Assert.Equal((1L, 5L, 2, 8L, Upsampling.Bilinear, NormKind.Instance, 0.2), (unet.InChannels, unet.NumClasses, unet.Depth, unet.BaseWidth, unet.Upsampling, unet.Norm, unet.Dropout));
        using var g = Models.Create<Pix2PixUNet>("unet_128", new ModelOptions { BaseWidth = 2, Output = OutputActivation.None });
        Assert.Equal((7, OutputActivation.None, 0.5), (g.Downsamplings, g.Output, g.Dropout));
        using var d = Models.Create<FullyConvDiscriminator>("hung_fcd", new ModelOptions { LabelChannels = 21, BaseWidth = 4 });
        Assert.Equal((0L, 21L), (d.ImageChannels, d.LabelChannels));
    }

    [Fact]
    public void MultiScale_PassesOptionsToEveryScale()
    {
        using var d = Models.Create<MultiScaleDiscriminator>("multiscale", new ModelOptions { Scales = 3, ScaleDiscriminator = "pixelgan", BaseWidth = 4, LabelChannels = 4 });
        Assert.Equal(3, d.Scales.Count);
        Assert.All(d.Scales, s => Assert.Equal((4L, 4L), (Assert.IsType<PixelDiscriminator>(s).BaseWidth, s.LabelChannels)));
        Assert.NotSame(d.Scales[0].parameters().First(), d.Scales[1].parameters().First());
    }

    [Fact]
    public void MultiScale_RefusesNonDiscriminatorsAndOptionsTheScaleDoesNotTake()
    {
        var e = Assert.Throws<ModelOptionsException>(() => Models.Create("multiscale", new ModelOptions { ScaleDiscriminator = "unet" }));
        Assert.Equal("ScaleDiscriminator must name a single-scale discriminator (patchgan, pixelgan, hung_fcd); got 'unet'.", e.Message);
        var layers = Assert.Throws<ModelOptionsException>(() => Models.Create("multiscale", new ModelOptions { ScaleDiscriminator = "hung_fcd", Layers = 2 }));
        Assert.Equal("Layers", layers.Option);
    }

    [Fact]
    public void CreateTyped_RefusesAnotherKindBeforeBuilding()
    {
        var e = Assert.Throws<ModelOptionsException>(() => Models.Create<SegmentationModel>("patchgan"));
        Assert.Equal("'patchgan' builds a PatchGan (Discriminator), not a SegmentationModel; registered SegmentationModels: unet, segnet, segnet_basic, fcn8s, fcn16s, fcn32s, deeplabv3plus_lite.", e.Message);
        using var d = Models.Create<Discriminator>("pixelgan");
        Assert.IsType<PixelDiscriminator>(d);
    }

    [Fact]
    public void Init_ReinitialisesAsPix2Pix()
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        using var d = Models.Create<PatchGan>("patchgan", new ModelOptions { Init = WeightInit.Normal, InitGain = 0.05 });
        var conv = d.modules().OfType<Conv2d>().Skip(1).First();
        Assert.InRange(conv.weight.std().item<float>(), 0.049, 0.051);
        var bn = d.modules().OfType<BatchNorm2d>().First();
        Assert.InRange(bn.weight!.mean().item<float>(), 0.98, 1.02);
        Assert.Equal(0f, d.modules().OfType<Conv2d>().First().bias!.abs().max().item<float>());
    }

    [Fact]
    public void InitGain_WithoutInit_IsRefused() =>
        Assert.Equal("InitGain", Assert.Throws<ModelOptionsException>(() => Models.Create("unet", new ModelOptions { InitGain = 0.02 })).Option);

    [Fact]
    public void OutOfRangeOptions_AreTyped()
    {
        Assert.Equal("UNet: depth must be between 1 and 8; got 0.", Assert.Throws<ModelOptionsException>(() => Models.UNet(depth: 0)).Message);
        Assert.Equal("UNet: dropout must be in [0, 1); got 1.", Assert.Throws<ModelOptionsException>(() => Models.UNet(dropout: 1)).Message);
        Assert.Equal("DcganJointGenerator: outputSize must be a power of two from 8 to 1024; got 48.",
                     Assert.Throws<ModelOptionsException>(() => Models.DcganJoint(outputSize: 48)).Message);
        Assert.Equal("ResNetGenerator: a residual output adds the input to the output, so inChannels (3) must equal outChannels (2).",
                     Assert.Throws<ModelOptionsException>(() => Models.ResNetGenerator(outChannels: 2, residualOutput: true)).Message);
        Assert.Equal("PatchGan: imageChannels must be 0 (unconditional) or more; got -1.", Assert.Throws<ModelOptionsException>(() => Models.PatchGan(imageChannels: -1)).Message);
    }
}
