using D = SegGanLab.Models.ModelDefaults;

namespace SegGanLab.Models;

public static partial class Models
{
    /// <summary>pix2pix's U-Net generator (unet_256 with 8 downsamplings, unet_128 with 7).</summary>
    /// <param name="downsamplings">Stride-2 convolutions (5-10); height and width must be multiples of 2^downsamplings.</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels (image channels, or classes with a raw output).</param>
    /// <param name="baseWidth">pix2pix's ngf.</param>
    /// <param name="norm">Normalisation (pix2pix's default for this generator: batch).</param>
    /// <param name="dropout">Dropout in the innermost 8x-width decoder blocks (pix2pix: 0.5; 0 turns it off).</param>
    /// <param name="output">tanh for images (pix2pix), none for segmentation logits.</param>
    public static Pix2PixUNet Pix2PixUNet(int downsamplings = D.Pix2PixDownsamplings, long inChannels = D.InChannels, long outChannels = D.OutChannels,
                                          long baseWidth = D.BaseWidth, NormKind norm = NormKind.Batch, double dropout = D.Pix2PixDropout,
                                          OutputActivation output = OutputActivation.Tanh) =>
        new(downsamplings, inChannels, outChannels, baseWidth, norm, dropout, output);

    /// <summary>The ResNet encoder-decoder generator of pix2pix/CycleGAN (resnet_6blocks, resnet_9blocks) and DeblurGAN.</summary>
    /// <param name="blocks">Residual blocks (pix2pix: 6 or 9).</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="baseWidth">pix2pix's ngf.</param>
    /// <param name="norm">Normalisation (instance, as CycleGAN and DeblurGAN).</param>
    /// <param name="dropout">Dropout inside the residual blocks (pix2pix's use_dropout: 0.5; 0: none).</param>
    /// <param name="residualOutput">Return clamp(input + G(input), -1, 1), DeblurGAN's residual learning.</param>
    /// <param name="output">The last activation (tanh for images).</param>
    public static ResNetGenerator ResNetGenerator(int blocks = 9, long inChannels = D.InChannels, long outChannels = D.OutChannels, long baseWidth = D.BaseWidth,
                                                  NormKind norm = NormKind.Instance, double dropout = 0, bool residualOutput = false,
                                                  OutputActivation output = OutputActivation.Tanh) =>
        new(blocks, inChannels, outChannels, baseWidth, norm, dropout, residualOutput, output);

    /// <summary>A DCGAN-style generator of (image, mask logits) pairs from noise.</summary>
    /// <param name="latentSize">Noise dimensions.</param>
    /// <param name="numClasses">Mask classes.</param>
    /// <param name="imageChannels">Image channels.</param>
    /// <param name="outputSize">Side of the images and masks (a power of two, 8-1024).</param>
    /// <param name="baseWidth">Channels before the heads; they double towards the noise.</param>
    public static DcganJointGenerator DcganJoint(long latentSize = D.LatentSize, long numClasses = D.NumClasses, long imageChannels = D.InChannels,
                                                 long outputSize = D.OutputSize, long baseWidth = D.BaseWidth) =>
        new(latentSize, numClasses, imageChannels, outputSize, baseWidth);

    /// <summary>pix2pix's PatchGAN discriminator (70x70 with 3 layers), conditional on the image.</summary>
    /// <param name="imageChannels">Channels of the conditioning image (0: unconditional).</param>
    /// <param name="labelChannels">Channels of the judged map (classes of a mask or probability map, or an image's channels).</param>
    /// <param name="layers">Stride-2 layers (pix2pix's n_layers_D).</param>
    /// <param name="baseWidth">pix2pix's ndf.</param>
    /// <param name="norm">Normalisation (pix2pix: batch).</param>
    public static PatchGan PatchGan(long imageChannels = D.ImageChannels, long labelChannels = D.NumClasses, int layers = D.PatchGanLayers,
                                    long baseWidth = D.BaseWidth, NormKind norm = NormKind.Batch) =>
        new(imageChannels, labelChannels, layers, baseWidth, norm);

    /// <summary>pix2pix's pixel (1x1 PatchGAN) discriminator.</summary>
    /// <param name="imageChannels">Channels of the conditioning image (0: unconditional).</param>
    /// <param name="labelChannels">Channels of the judged map.</param>
    /// <param name="baseWidth">pix2pix's ndf.</param>
    /// <param name="norm">Normalisation (pix2pix: batch).</param>
    public static PixelDiscriminator PixelGan(long imageChannels = D.ImageChannels, long labelChannels = D.NumClasses, long baseWidth = D.BaseWidth,
                                              NormKind norm = NormKind.Batch) =>
        new(imageChannels, labelChannels, baseWidth, norm);

    /// <summary>Hung et al.'s fully convolutional discriminator on class-probability maps, with a per-pixel output.</summary>
    /// <param name="labelChannels">Classes of the judged probability map.</param>
    /// <param name="imageChannels">Channels of a conditioning image (Hung et al.: none).</param>
    /// <param name="baseWidth">Channels of the first convolution (64).</param>
    /// <param name="upsample">Upsample the logits bilinearly to the input size (a confidence map).</param>
    public static FullyConvDiscriminator HungDiscriminator(long labelChannels = D.NumClasses, long imageChannels = D.HungImageChannels,
                                                           long baseWidth = D.BaseWidth, bool upsample = true) =>
        new(labelChannels, imageChannels, baseWidth, upsample);

    /// <summary>pix2pixHD's multi-scale discriminator: <paramref name="scales"/> copies made by <paramref name="create"/>, each on a 2x smaller input.</summary>
    /// <param name="create">Makes the discriminator of one scale (called once per scale, so the weights are separate).</param>
    /// <param name="scales">Number of scales (pix2pixHD: 2; 1-4).</param>
    public static MultiScaleDiscriminator MultiScale(Func<Discriminator> create, int scales = D.Scales)
    {
        Require.InRange(nameof(MultiScaleDiscriminator), nameof(scales), scales, 1, 4);
        return new([.. Enumerable.Range(0, scales).Select(_ => create())]);
    }

    /// <summary>pix2pixHD's multi-scale PatchGAN: <see cref="PatchGan"/> at <paramref name="scales"/> scales.</summary>
    public static MultiScaleDiscriminator MultiScale(int scales = D.Scales, long imageChannels = D.ImageChannels, long labelChannels = D.NumClasses,
                                                     int layers = D.PatchGanLayers, long baseWidth = D.BaseWidth, NormKind norm = NormKind.Batch) =>
        MultiScale(() => PatchGan(imageChannels, labelChannels, layers, baseWidth, norm), scales);
}
