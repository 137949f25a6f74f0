using SegGanLab.Models;
using SegGanLab.Torch;
using Xunit;

namespace SegGanLab.Experiments.Tests;

public sealed class SpecTests
{
    [Fact]
    public void FactoryMethodGroups_TakeTheirChannelsFromThePlan()
    {
        var spec = ModelSpec.FromFactory(Models.Models.UNet);
        using var model = (UNet)spec.Build(new ChannelPlan(InChannels: 3, NumClasses: 6));
        Assert.Equal((3, 6, 4), (model.InChannels, model.NumClasses, model.Depth));
        // A bare name of ModelSpec is a factory of specs: calling it with its defaults gives the named spec.
        var named = ModelSpec.FromFactory(ModelSpec.PatchGan);
        Assert.Equal("patchgan", named.RegistryName);
    }

    [Fact]
    public void NamedSpecs_FillOnlyTheChannelsTheyLeaveOpen()
    {
        using var d = (PatchGan)ModelSpec.PatchGan(imageChannels: 0, layers: 2).Build(new ChannelPlan(ImageChannels: 3, LabelChannels: 5));
        Assert.Equal((0, 5, 2), (d.ImageChannels, d.LabelChannels, d.Layers));
        Assert.Throws<UnknownModelException>(() => ModelSpec.Named("unte"));
        Assert.Equal("unet(depth: 3)", ModelSpec.UNet(depth: 3).ToString());
    }

    [Fact]
    public void ModelDescriptions_RebuildTheSameArchitecture()
    {
        foreach (var model in new torch.nn.Module[]
                 {
                     Models.Models.UNet(numClasses: 3, depth: 2, baseWidth: 4, upsampling: Upsampling.Bilinear),
                     Models.Models.PatchGan(imageChannels: 0, labelChannels: 2, layers: 2, baseWidth: 4),
                     Models.Models.Fcn16s(Backbone.ResNet18, numClasses: 3, baseWidth: 8),
                     Models.Models.MultiScale(scales: 2, labelChannels: 2, layers: 1, baseWidth: 4),
                 })
        {
            var (name, options) = ModelDescription.Of(model)!.Value;
            using var rebuilt = Models.Models.Create(name, options);
            Assert.Equal(model.GetType(), rebuilt.GetType());
            Assert.Equal(model.state_dict().Select(p => (p.Key, string.Join(",", p.Value.shape))), rebuilt.state_dict().Select(p => (p.Key, string.Join(",", p.Value.shape))));
            model.Dispose();
        }
        Assert.Null(ModelDescription.Of(Models.Models.ResNetGenerator(blocks: 2, baseWidth: 4)));
    }

    [Fact]
    public void DataSpecs_ParseTheCommandLineForms()
    {
        Assert.Equal("synthetic", DataSpec.Parse("synthetic").Kind);
        var camvid = DataSpec.Parse("camvid:/data/camvid");
        Assert.Equal(("camvid", "/data/camvid"), (camvid.Kind, camvid.Path));
        Assert.Null(DataSpec.Parse("membrane:m").ValSplit);
        var e = Assert.Throws<ArgumentException>(() => DataSpec.Parse("kitti:/x"));
        Assert.Contains("camvid:PATH", e.Message);
        Assert.Equal("camvid /c, resize 480x352, crop 256x256, flip", DataSpec.CamVid("/c").Resize(480, 352).Crop(256, 256).ToString());
    }

    [Fact]
    public void OptimizerSpecs_ResolveTorchsDefaults()
    {
        Assert.Equal(0.01, OptimizerSpec.AdamW().Options().weight_decay);
        Assert.Equal((0.5, 0.999), ((AdamOptions)OptimizerSpec.Adam(lr: 2e-4, betas: (0.5, 0.999)).Options()).betas);
        Assert.Equal(0.9, ((SGDOptions)OptimizerSpec.SGD(0.01, momentum: 0.9).Options()).momentum);
        Assert.Equal(OptimizerSpec.Adam(lr: 1e-3), OptimizerSpec.Adam(lr: 1e-3));
    }
}
