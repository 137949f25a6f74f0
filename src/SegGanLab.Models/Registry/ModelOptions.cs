namespace SegGanLab.Models;

/// <summary>
/// Architecture options for <see cref="Models.Create"/>, by name. Unset (null) options take the
/// model's default (<see cref="ModelDefaults"/>); setting one that the named model does not use is an
/// error that lists the ones it does (<see cref="ModelInfo.Options"/>). The typed factories
/// (<see cref="Models.UNet"/>, <see cref="Models.PatchGan"/>, ...) take the same options as arguments.
/// </summary>
public sealed record ModelOptions
{
    /// <summary>Input image channels of segmenters and image generators.</summary>
    public long? InChannels { get; init; }
    /// <summary>Classes: the output channels of a segmenter, the mask channels of the joint generator.</summary>
    public long? NumClasses { get; init; }
    /// <summary>Output channels of an image generator (pix2pix U-Net, ResNet generator).</summary>
    public long? OutChannels { get; init; }
    /// <summary>Channels of a discriminator's conditioning image (0: unconditional), or of the joint generator's images.</summary>
    public long? ImageChannels { get; init; }
    /// <summary>Channels of the map a discriminator judges: the classes of a mask or probability map, or an image's channels.</summary>
    public long? LabelChannels { get; init; }
    /// <summary>Width of the first layer (pix2pix's ngf/ndf, the backbone's first stage).</summary>
    public long? BaseWidth { get; init; }
    /// <summary>U-Net: number of poolings.</summary>
    public int? Depth { get; init; }
    /// <summary>PatchGAN: number of stride-2 layers.</summary>
    public int? Layers { get; init; }
    /// <summary>Normalisation after convolutions.</summary>
    public NormKind? Norm { get; init; }
    /// <summary>Dropout probability.</summary>
    public double? Dropout { get; init; }
    /// <summary>U-Net: how the decoder upsamples.</summary>
    public Upsampling? Upsampling { get; init; }
    /// <summary>Generators: the last layer's activation.</summary>
    public OutputActivation? Output { get; init; }
    /// <summary>FCN and DeepLabV3+: the ResNet backbone.</summary>
    public Backbone? Backbone { get; init; }
    /// <summary>A safetensors file with torchvision's weights for the backbone (ResNet, or SegNet's VGG-16-BN).</summary>
    public string? BackboneWeights { get; init; }
    /// <summary>DeepLabV3+: channels of the ASPP and decoder.</summary>
    public long? DecoderWidth { get; init; }
    /// <summary>SegNet-Basic: normalise the input with LRN first.</summary>
    public bool? LocalResponseNorm { get; init; }
    /// <summary>ResNet generators: return clamp(input + G(input), -1, 1).</summary>
    public bool? ResidualOutput { get; init; }
    /// <summary>Multi-scale discriminator: number of scales.</summary>
    public int? Scales { get; init; }
    /// <summary>Multi-scale discriminator: the registry name of the discriminator used at every scale ("patchgan" by default).</summary>
    public string? ScaleDiscriminator { get; init; }
    /// <summary>Joint generator: noise dimensions.</summary>
    public long? LatentSize { get; init; }
    /// <summary>Joint generator: side of the generated images.</summary>
    public long? OutputSize { get; init; }
    /// <summary>Re-initialise the weights as pix2pix's init_weights (null: PyTorch's defaults).</summary>
    public WeightInit? Init { get; init; }
    /// <summary>The gain of <see cref="Init"/> (pix2pix's 0.02).</summary>
    public double? InitGain { get; init; }

    /// <summary>The names of the options that are set.</summary>
    public IEnumerable<string> SetOptions() =>
        typeof(ModelOptions).GetProperties().Where(p => p.GetValue(this) is not null).Select(p => p.Name);
}
