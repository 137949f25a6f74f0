namespace SegGanLab.Models;

/// <summary>
/// A model that maps images [N, InChannels, H, W] to per-pixel class logits [N, NumClasses, H, W]
/// (raw scores: the losses apply softmax or sigmoid). U-Net, SegNet, FCN and DeepLabV3+ derive from it.
/// </summary>
public abstract class SegmentationModel : ImageModel
{
    /// <summary>Creates a segmenter with <paramref name="numClasses"/> output channels.</summary>
    protected SegmentationModel(string name, long inChannels, long numClasses) : base(name, inChannels, numClasses) { }

    /// <summary>The number of classes: the output channels.</summary>
    public long NumClasses => OutChannels;
}

/// <summary>
/// An image-to-image generator in the pix2pix family (U-Net 128/256, ResNet 6/9 blocks): the output
/// has the input's height and width and <see cref="ImageModel.OutChannels"/> channels, in tanh range
/// for images, or raw logits (<see cref="OutputActivation.None"/>) when it segments.
/// </summary>
public abstract class ImageGenerator : ImageModel
{
    /// <summary>Creates a generator.</summary>
    protected ImageGenerator(string name, long inChannels, long outChannels, OutputActivation output) : base(name, inChannels, outChannels) =>
        Output = output;

    /// <summary>The activation on the last layer.</summary>
    public OutputActivation Output { get; }
}
