using D = SegGanLab.Models.ModelDefaults;

namespace SegGanLab.Models;

public static partial class Models
{
    /// <summary>U-Net (Ronneberger et al. 2015) with same padding: the output has the input's size.</summary>
    /// <param name="inChannels">Image channels.</param>
    /// <param name="numClasses">Output channels (class logits).</param>
    /// <param name="depth">Number of 2x2 poolings (1-8); height and width must be multiples of 2^depth.</param>
    /// <param name="baseWidth">Channels of the first level; each level doubles them.</param>
    /// <param name="upsampling">Transposed 2x2 convolution or bilinear x2 + 3x3 convolution.</param>
    /// <param name="norm">Normalisation after each 3x3 convolution.</param>
    /// <param name="dropout">Dropout probability after the bottleneck (0: none).</param>
    /// <param name="output">Output activation (none: logits; tanh when used as an image generator).</param>
    public static UNet UNet(long inChannels = D.InChannels, long numClasses = D.NumClasses, int depth = D.UNetDepth, long baseWidth = D.BaseWidth,
                            Upsampling upsampling = Upsampling.Transposed, NormKind norm = NormKind.Batch, double dropout = 0,
                            OutputActivation output = OutputActivation.None) =>
        new(inChannels, numClasses, depth, baseWidth, upsampling, norm, dropout, output);

    /// <summary>SegNet: VGG-16-BN encoder, decoder that max-unpools with the encoder's indices.</summary>
    /// <param name="inChannels">Image channels (3 to load VGG weights).</param>
    /// <param name="numClasses">Output channels (class logits).</param>
    /// <param name="baseWidth">Channels of the first stage (64 to load VGG weights).</param>
    /// <param name="encoderWeights">A safetensors file of torchvision's vgg16_bn weights to load into the encoder (no download).</param>
    public static SegNet SegNet(long inChannels = D.InChannels, long numClasses = D.NumClasses, long baseWidth = D.BaseWidth, string? encoderWeights = null)
    {
        var model = new SegNet(inChannels, numClasses, baseWidth);
        return encoderWeights is null ? model : model.LoadEncoderWeights(encoderWeights);
    }

    /// <summary>SegNet-Basic, the SegNet tutorial's 4-stage network of 7x7 convolutions.</summary>
    /// <param name="inChannels">Image channels.</param>
    /// <param name="numClasses">Output channels (class logits).</param>
    /// <param name="width">Channels of every convolution (the tutorial's 64).</param>
    /// <param name="localResponseNorm">Normalise the input with LRN (size 5, alpha 1e-4, beta 0.75) as the tutorial.</param>
    public static SegNetBasic SegNetBasic(long inChannels = D.InChannels, long numClasses = D.NumClasses, long width = D.BaseWidth, bool localResponseNorm = true) =>
        new(inChannels, numClasses, width, localResponseNorm);

    /// <summary>FCN-32s/16s/8s on a ResNet backbone.</summary>
    /// <param name="variant">Which skip fusions.</param>
    /// <param name="backbone">ResNet-18, 34 or 50.</param>
    /// <param name="inChannels">Image channels (3 to load torchvision weights).</param>
    /// <param name="numClasses">Output channels (class logits).</param>
    /// <param name="baseWidth">The backbone's first width (64 to load torchvision weights).</param>
    /// <param name="backboneWeights">A safetensors file of torchvision's weights for the backbone (no download).</param>
    public static Fcn Fcn(FcnVariant variant = FcnVariant.Fcn8s, Backbone backbone = Backbone.ResNet18, long inChannels = D.InChannels,
                          long numClasses = D.NumClasses, long baseWidth = D.BaseWidth, string? backboneWeights = null)
    {
        var model = new Fcn(variant, backbone, inChannels, numClasses, baseWidth);
        return backboneWeights is null ? model : model.LoadBackboneWeights(backboneWeights);
    }

    /// <summary>FCN-8s: <see cref="Fcn"/> with the stride-16 and stride-8 fusions.</summary>
    public static Fcn Fcn8s(Backbone backbone = Backbone.ResNet18, long inChannels = D.InChannels, long numClasses = D.NumClasses,
                            long baseWidth = D.BaseWidth, string? backboneWeights = null) =>
        Fcn(FcnVariant.Fcn8s, backbone, inChannels, numClasses, baseWidth, backboneWeights);

    /// <summary>FCN-16s: <see cref="Fcn"/> with the stride-16 fusion.</summary>
    public static Fcn Fcn16s(Backbone backbone = Backbone.ResNet18, long inChannels = D.InChannels, long numClasses = D.NumClasses,
                             long baseWidth = D.BaseWidth, string? backboneWeights = null) =>
        Fcn(FcnVariant.Fcn16s, backbone, inChannels, numClasses, baseWidth, backboneWeights);

    /// <summary>FCN-32s: <see cref="Fcn"/> from the stride-32 features only.</summary>
    public static Fcn Fcn32s(Backbone backbone = Backbone.ResNet18, long inChannels = D.InChannels, long numClasses = D.NumClasses,
                             long baseWidth = D.BaseWidth, string? backboneWeights = null) =>
        Fcn(FcnVariant.Fcn32s, backbone, inChannels, numClasses, baseWidth, backboneWeights);

    /// <summary>DeepLabV3+ lite: dilated ResNet (output stride 16), ASPP (rates 6, 12, 18), decoder with stride-4 features.</summary>
    /// <param name="backbone">ResNet-18 (the "lite" default), 34 or 50.</param>
    /// <param name="inChannels">Image channels (3 to load torchvision weights).</param>
    /// <param name="numClasses">Output channels (class logits).</param>
    /// <param name="decoderWidth">Channels of the ASPP and decoder (the paper's 256; 128 here).</param>
    /// <param name="baseWidth">The backbone's first width (64 to load torchvision weights).</param>
    /// <param name="backboneWeights">A safetensors file of torchvision's weights for the backbone (no download).</param>
    public static DeepLabV3Plus DeepLabV3PlusLite(Backbone backbone = Backbone.ResNet18, long inChannels = D.InChannels, long numClasses = D.NumClasses,
                                                  long decoderWidth = D.DeepLabWidth, long baseWidth = D.BaseWidth, string? backboneWeights = null)
    {
        var model = new DeepLabV3Plus(backbone, inChannels, numClasses, decoderWidth, baseWidth, 48, null);
        return backboneWeights is null ? model : model.LoadBackboneWeights(backboneWeights);
    }
}
