using SegGanLab.Models;

namespace SegGanLab.Experiments;

// The bare model names of scripts (using static ModelSpec): each is a registry entry whose unset
// options take the model's defaults (ModelDefaults) and whose channel and class counts come from
// the data. `UNet` alone is a method group the verbs call with these defaults.
public sealed partial class ModelSpec
{
    /// <summary>U-Net (registry <c>unet</c>); classes and input channels from the data.</summary>
    public static ModelSpec UNet(int? depth = null, long? baseWidth = null, Upsampling? upsampling = null, NormKind? norm = null, double? dropout = null) =>
        Named("unet", new ModelOptions { Depth = depth, BaseWidth = baseWidth, Upsampling = upsampling, Norm = norm, Dropout = dropout });

    /// <summary>SegNet on VGG-16-BN (registry <c>segnet</c>); <paramref name="encoderWeights"/>: torchvision's vgg16_bn weights as safetensors.</summary>
    public static ModelSpec SegNet(long? baseWidth = null, string? encoderWeights = null) =>
        Named("segnet", new ModelOptions { BaseWidth = baseWidth, BackboneWeights = encoderWeights });

    /// <summary>SegNet-Basic (registry <c>segnet_basic</c>).</summary>
    public static ModelSpec SegNetBasic(long? width = null, bool? localResponseNorm = null) =>
        Named("segnet_basic", new ModelOptions { BaseWidth = width, LocalResponseNorm = localResponseNorm });

    /// <summary>FCN-8s on a ResNet (registry <c>fcn8s</c>).</summary>
    public static ModelSpec Fcn8s(Backbone? backbone = null, long? baseWidth = null, string? backboneWeights = null) => Fcn("fcn8s", backbone, baseWidth, backboneWeights);

    /// <summary>FCN-16s on a ResNet (registry <c>fcn16s</c>).</summary>
    public static ModelSpec Fcn16s(Backbone? backbone = null, long? baseWidth = null, string? backboneWeights = null) => Fcn("fcn16s", backbone, baseWidth, backboneWeights);

    /// <summary>FCN-32s on a ResNet (registry <c>fcn32s</c>).</summary>
    public static ModelSpec Fcn32s(Backbone? backbone = null, long? baseWidth = null, string? backboneWeights = null) => Fcn("fcn32s", backbone, baseWidth, backboneWeights);

    /// <summary>DeepLabV3+ lite (registry <c>deeplabv3plus_lite</c>).</summary>
    public static ModelSpec DeepLabV3PlusLite(Backbone? backbone = null, long? decoderWidth = null, long? baseWidth = null, string? backboneWeights = null) =>
        Named("deeplabv3plus_lite", new ModelOptions { Backbone = backbone, DecoderWidth = decoderWidth, BaseWidth = baseWidth, BackboneWeights = backboneWeights });

    /// <summary>pix2pix's U-Net generator for 256x256 inputs (registry <c>unet_256</c>); as a segmenter give it <c>output: OutputActivation.None</c>.</summary>
    public static ModelSpec Unet256(long? baseWidth = null, NormKind? norm = null, double? dropout = null, OutputActivation? output = null) =>
        Named("unet_256", new ModelOptions { BaseWidth = baseWidth, Norm = norm, Dropout = dropout, Output = output });

    /// <summary>pix2pix's U-Net generator for 128x128 inputs (registry <c>unet_128</c>).</summary>
    public static ModelSpec Unet128(long? baseWidth = null, NormKind? norm = null, double? dropout = null, OutputActivation? output = null) =>
        Named("unet_128", new ModelOptions { BaseWidth = baseWidth, Norm = norm, Dropout = dropout, Output = output });

    /// <summary>The ResNet generator with 9 (or 6) blocks (registry <c>resnet_9blocks</c>/<c>resnet_6blocks</c>); DeblurGAN's with <paramref name="residualOutput"/>.</summary>
    public static ModelSpec ResNetGenerator(int blocks = 9, long? baseWidth = null, NormKind? norm = null, double? dropout = null, bool? residualOutput = null)
    {
        if (blocks is not (6 or 9))
            throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "The registered ResNet generators have 6 or 9 blocks (resnet_6blocks, resnet_9blocks); for another count build one with Models.ResNetGenerator(blocks: ...).");
        return Named($"resnet_{blocks}blocks", new ModelOptions { BaseWidth = baseWidth, Norm = norm, Dropout = dropout, ResidualOutput = residualOutput });
    }

    /// <summary>pix2pix's 70x70 PatchGAN (registry <c>patchgan</c>); label channels from the recipe, conditional on the image unless <paramref name="imageChannels"/> is 0.</summary>
    public static ModelSpec PatchGan(int? layers = null, long? baseWidth = null, NormKind? norm = null, long? imageChannels = null) =>
        Named("patchgan", new ModelOptions { Layers = layers, BaseWidth = baseWidth, Norm = norm, ImageChannels = imageChannels });

    /// <summary>pix2pix's pixel discriminator (registry <c>pixelgan</c>).</summary>
    public static ModelSpec PixelGan(long? baseWidth = null, NormKind? norm = null, long? imageChannels = null) =>
        Named("pixelgan", new ModelOptions { BaseWidth = baseWidth, Norm = norm, ImageChannels = imageChannels });

    /// <summary>Hung et al.'s fully convolutional discriminator on probability maps (registry <c>hung_fcd</c>).</summary>
    public static ModelSpec HungDiscriminator(long? baseWidth = null, long? imageChannels = null) =>
        Named("hung_fcd", new ModelOptions { BaseWidth = baseWidth, ImageChannels = imageChannels });

    /// <summary>pix2pixHD's multi-scale PatchGAN (registry <c>multiscale</c>).</summary>
    public static ModelSpec MultiScale(int? scales = null, int? layers = null, long? baseWidth = null, NormKind? norm = null, long? imageChannels = null) =>
        Named("multiscale", new ModelOptions { Scales = scales, Layers = layers, BaseWidth = baseWidth, Norm = norm, ImageChannels = imageChannels });

    /// <summary>The DCGAN-style generator of image and mask pairs (registry <c>dcgan_joint</c>); classes from the data.</summary>
    public static ModelSpec DcganJoint(long? latentSize = null, long? outputSize = null, long? baseWidth = null) =>
        Named("dcgan_joint", new ModelOptions { LatentSize = latentSize, OutputSize = outputSize, BaseWidth = baseWidth });

    static ModelSpec Fcn(string name, Backbone? backbone, long? baseWidth, string? weights) =>
        Named(name, new ModelOptions { Backbone = backbone, BaseWidth = baseWidth, BackboneWeights = weights });
}
