using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using D = SegGanLab.Models.ModelDefaults;
using O = SegGanLab.Models.ModelOptions;

namespace SegGanLab.Models;

/// <summary>The names behind <see cref="Models.Create"/>: each maps <see cref="ModelOptions"/> onto a typed factory.</summary>
internal static class ModelRegistry
{
    /// <summary>A registered name and how to build it.</summary>
    internal sealed record Entry(ModelInfo Info, Func<O, nn.Module> Build);

    static readonly string[] Segmenter = [nameof(O.InChannels), nameof(O.NumClasses)];
    static readonly string[] Generator = [nameof(O.InChannels), nameof(O.OutChannels), nameof(O.BaseWidth), nameof(O.Norm), nameof(O.Dropout), nameof(O.Output)];
    static readonly string[] ResNetBased = [.. Segmenter, nameof(O.Backbone), nameof(O.BaseWidth), nameof(O.BackboneWeights)];

    internal static readonly IReadOnlyList<Entry> Entries =
    [
        new(Info<UNet>("unet", ModelKind.Segmentation, "U-Net (Ronneberger et al. 2015), same padding, configurable depth, width, upsampling, norm, dropout",
                [.. Segmenter, nameof(O.Depth), nameof(O.BaseWidth), nameof(O.Upsampling), nameof(O.Norm), nameof(O.Dropout), nameof(O.Output)]),
            o => Models.UNet(o.InChannels ?? D.InChannels, o.NumClasses ?? D.NumClasses, o.Depth ?? D.UNetDepth, o.BaseWidth ?? D.BaseWidth,
                             o.Upsampling ?? Upsampling.Transposed, o.Norm ?? NormKind.Batch, o.Dropout ?? 0, o.Output ?? OutputActivation.None)),
        Pix2Pix("unet_128", 7),
        Pix2Pix("unet_256", 8),
        new(Info<SegNet>("segnet", ModelKind.Segmentation, "SegNet (Badrinarayanan et al.): VGG-16-BN encoder, max-unpooling decoder",
                [.. Segmenter, nameof(O.BaseWidth), nameof(O.BackboneWeights)]),
            o => Models.SegNet(o.InChannels ?? D.InChannels, o.NumClasses ?? D.NumClasses, o.BaseWidth ?? D.BaseWidth, o.BackboneWeights)),
        new(Info<SegNetBasic>("segnet_basic", ModelKind.Segmentation, "SegNet-Basic (SegNet tutorial): 4 stages of 7x7 convolutions, 64 channels, LRN input",
                [.. Segmenter, nameof(O.BaseWidth), nameof(O.LocalResponseNorm)]),
            o => Models.SegNetBasic(o.InChannels ?? D.InChannels, o.NumClasses ?? D.NumClasses, o.BaseWidth ?? D.BaseWidth, o.LocalResponseNorm ?? true)),
        FcnEntry("fcn8s", FcnVariant.Fcn8s),
        FcnEntry("fcn16s", FcnVariant.Fcn16s),
        FcnEntry("fcn32s", FcnVariant.Fcn32s),
        new(Info<DeepLabV3Plus>("deeplabv3plus_lite", ModelKind.Segmentation, "DeepLabV3+ lite: dilated ResNet (stride 16), ASPP, decoder with stride-4 features",
                [.. ResNetBased, nameof(O.DecoderWidth)]),
            o => Models.DeepLabV3PlusLite(o.Backbone ?? Backbone.ResNet18, o.InChannels ?? D.InChannels, o.NumClasses ?? D.NumClasses,
                                          o.DecoderWidth ?? D.DeepLabWidth, o.BaseWidth ?? D.BaseWidth, o.BackboneWeights)),
        new(Info<PatchGan>("patchgan", ModelKind.Discriminator, "pix2pix's PatchGAN (70x70 with 3 layers), conditional on the image",
                [nameof(O.ImageChannels), nameof(O.LabelChannels), nameof(O.Layers), nameof(O.BaseWidth), nameof(O.Norm)]),
            o => Models.PatchGan(o.ImageChannels ?? D.ImageChannels, o.LabelChannels ?? D.NumClasses, o.Layers ?? D.PatchGanLayers,
                                 o.BaseWidth ?? D.BaseWidth, o.Norm ?? NormKind.Batch)),
        new(Info<PixelDiscriminator>("pixelgan", ModelKind.Discriminator, "pix2pix's pixel (1x1 PatchGAN) discriminator",
                [nameof(O.ImageChannels), nameof(O.LabelChannels), nameof(O.BaseWidth), nameof(O.Norm)]),
            o => Models.PixelGan(o.ImageChannels ?? D.ImageChannels, o.LabelChannels ?? D.NumClasses, o.BaseWidth ?? D.BaseWidth, o.Norm ?? NormKind.Batch)),
        new(Info<FullyConvDiscriminator>("hung_fcd", ModelKind.Discriminator,
                "Hung et al. 2018's fully convolutional discriminator on class-probability maps, per-pixel confidence output",
                [nameof(O.ImageChannels), nameof(O.LabelChannels), nameof(O.BaseWidth)]),
            o => Models.HungDiscriminator(o.LabelChannels ?? D.NumClasses, o.ImageChannels ?? D.HungImageChannels, o.BaseWidth ?? D.BaseWidth)),
        new(Info<MultiScaleDiscriminator>("multiscale", ModelKind.Discriminator,
                "pix2pixHD's multi-scale discriminator: the ScaleDiscriminator (patchgan) at Scales (2) scales; takes that discriminator's options too",
                [nameof(O.Scales), nameof(O.ScaleDiscriminator)]),
            BuildMultiScale),
        new(Info<DcganJointGenerator>("dcgan_joint", ModelKind.JointGenerator, "DCGAN-style generator of (image, mask logits) pairs from noise",
                [nameof(O.LatentSize), nameof(O.NumClasses), nameof(O.ImageChannels), nameof(O.OutputSize), nameof(O.BaseWidth)]),
            o => Models.DcganJoint(o.LatentSize ?? D.LatentSize, o.NumClasses ?? D.NumClasses, o.ImageChannels ?? D.InChannels, o.OutputSize ?? D.OutputSize,
                                   o.BaseWidth ?? D.BaseWidth)),
        ResNetGeneratorEntry("resnet_6blocks", 6),
        ResNetGeneratorEntry("resnet_9blocks", 9),
    ];

    /// <summary>The entry for <paramref name="name"/> (case, '-' and spaces ignored), or <see cref="UnknownModelException"/>.</summary>
    internal static Entry Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Normalise(name);
        foreach (var e in Entries)
            if (e.Info.Name == key) return e;
        var names = Entries.Select(e => e.Info.Name).ToList();
        throw new UnknownModelException(name, NameSuggestion.Closest(key, names), names);
    }

    /// <summary>Throws <see cref="ModelOptionsException"/> for a set option that <paramref name="info"/> does not use.</summary>
    internal static void CheckApplicable(ModelInfo info, O options, IReadOnlyList<string> accepted)
    {
        foreach (var option in options.SetOptions())
            if (option is not (nameof(O.Init) or nameof(O.InitGain)) && !accepted.Contains(option))
                throw new ModelOptionsException(option,
                    $"Option {option} does not apply to '{info.Name}' ({info.ModelType.Name}); it takes: {string.Join(", ", accepted)}, Init, InitGain.");
    }

    static string Normalise(string name) => name.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    static ModelInfo Info<T>(string name, ModelKind kind, string description, string[] options) => new(name, kind, typeof(T), description, options);

    static Entry Pix2Pix(string name, int downsamplings) =>
        new(Info<Pix2PixUNet>(name, ModelKind.ImageGenerator, $"pix2pix's U-Net generator with {downsamplings} downsamplings (inputs of {1 << downsamplings}x{1 << downsamplings}), tanh output",
                Generator),
            o => Models.Pix2PixUNet(downsamplings, o.InChannels ?? D.InChannels, o.OutChannels ?? D.OutChannels, o.BaseWidth ?? D.BaseWidth,
                                    o.Norm ?? NormKind.Batch, o.Dropout ?? D.Pix2PixDropout, o.Output ?? OutputActivation.Tanh));

    static Entry FcnEntry(string name, FcnVariant variant) =>
        new(Info<Fcn>(name, ModelKind.Segmentation, $"{variant.ToString().ToUpperInvariant().Replace('S', 's')} (Long et al. 2015) on a ResNet-18/34/50 backbone", ResNetBased),
            o => Models.Fcn(variant, o.Backbone ?? Backbone.ResNet18, o.InChannels ?? D.InChannels, o.NumClasses ?? D.NumClasses, o.BaseWidth ?? D.BaseWidth,
                            o.BackboneWeights));

    static Entry ResNetGeneratorEntry(string name, int blocks) =>
        new(Info<ResNetGenerator>(name, ModelKind.ImageGenerator, $"pix2pix/DeblurGAN ResNet generator with {blocks} residual blocks, tanh output",
                [.. Generator, nameof(O.ResidualOutput)]),
            o => Models.ResNetGenerator(blocks, o.InChannels ?? D.InChannels, o.OutChannels ?? D.OutChannels, o.BaseWidth ?? D.BaseWidth,
                                        o.Norm ?? NormKind.Instance, o.Dropout ?? 0, o.ResidualOutput ?? false, o.Output ?? OutputActivation.Tanh));

    static MultiScaleDiscriminator BuildMultiScale(O o)
    {
        var self = Entries.First(e => e.Info.ModelType == typeof(MultiScaleDiscriminator)).Info;
        var inner = Find(o.ScaleDiscriminator ?? "patchgan");
        if (inner.Info.Kind != ModelKind.Discriminator || inner.Info.ModelType == typeof(MultiScaleDiscriminator))
            throw new ModelOptionsException(nameof(O.ScaleDiscriminator),
                $"ScaleDiscriminator must name a single-scale discriminator ({string.Join(", ", Entries.Where(e => e.Info.Kind == ModelKind.Discriminator && e.Info != self).Select(e => e.Info.Name))}); got '{o.ScaleDiscriminator}'.");
        var perScale = o with { Scales = null, ScaleDiscriminator = null, Init = null, InitGain = null };
        CheckApplicable(self, o, [.. self.Options, .. inner.Info.Options]);
        return Models.MultiScale(() => (Discriminator)inner.Build(perScale), o.Scales ?? D.Scales);
    }
}
