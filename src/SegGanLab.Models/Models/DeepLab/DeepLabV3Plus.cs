using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// DeepLabV3+ (Chen et al. 2018), "lite": a ResNet backbone (ResNet-18 by default) with its last stage
/// dilated for output stride 16, <see cref="Aspp"/> on it, and the decoder: the stride-4 features
/// reduced to 48 channels by a 1x1 conv-BN-ReLU, concatenated with the bilinearly upsampled ASPP
/// output, two 3x3 conv-BN-ReLU, 1x1 class scores, bilinear upsampling to the input size. Plain
/// (not separable) convolutions and a narrower ASPP keep it light. In training the image-pooling
/// branch's batch norm needs a batch of at least 2.
/// </summary>
public sealed class DeepLabV3Plus : SegmentationModel
{
    readonly ResNet backbone;
    readonly Aspp aspp;
    readonly Sequential lowLevel, decoder;
    readonly Conv2d classifier;

    /// <summary>Builds the network; see <see cref="Models.DeepLabV3PlusLite"/> for the options.</summary>
    public DeepLabV3Plus(Backbone backbone, long inChannels, long numClasses, long decoderWidth, long baseWidth, long lowLevelChannels, IReadOnlyList<long>? rates)
        : base(nameof(DeepLabV3Plus), inChannels, numClasses)
    {
        Require.Positive(nameof(DeepLabV3Plus), nameof(decoderWidth), decoderWidth);
        Require.Positive(nameof(DeepLabV3Plus), nameof(lowLevelChannels), lowLevelChannels);
        this.backbone = new ResNet(backbone, inChannels, baseWidth, dilateLastStage: true);
        var c = this.backbone.StageChannels;
        aspp = new Aspp(c[3], decoderWidth, rates ?? [6, 12, 18]);
        lowLevel = ConvBlocks.ConvNormRelu(c[0], lowLevelChannels, 1);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        ConvBlocks.AddConvNormRelu(layers, decoderWidth + lowLevelChannels, decoderWidth, 3, NormKind.Batch);
        ConvBlocks.AddConvNormRelu(layers, decoderWidth, decoderWidth, 3, NormKind.Batch);
        decoder = nn.Sequential([.. layers]);
        classifier = nn.Conv2d(decoderWidth, numClasses, 1);
        DecoderWidth = decoderWidth;
        register_module(nameof(backbone), this.backbone);
        register_module(nameof(aspp), aspp);
        register_module(nameof(lowLevel), lowLevel);
        register_module(nameof(decoder), decoder);
        register_module(nameof(classifier), classifier);
    }

    /// <summary>Channels of the ASPP and the decoder.</summary>
    public long DecoderWidth { get; }

    /// <summary>The dilated ResNet feature extractor.</summary>
    public ResNet Encoder => backbone;

    /// <inheritdoc/>
    public override long MinimumSize => 16;
    /// <inheritdoc/>
    protected override string SizeReason => "output stride 16";

    /// <summary>Loads torchvision's ResNet weights into the backbone (see <see cref="ResNet.LoadTorchvisionWeights"/>).</summary>
    public DeepLabV3Plus LoadBackboneWeights(string path)
    {
        backbone.LoadTorchvisionWeights(path);
        return this;
    }

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input)
    {
        var shape = input.shape;
        if (training && shape[0] < 2)
            throw Error(shape, $"in training mode needs a batch of at least 2 (the ASPP image-pooling branch batch-normalises one value per image); got {Describe(shape)}: use a larger batch or call eval().");
        using var scope = NewDisposeScope();
        var features = backbone.Features(input);
        var context = Run(aspp, features.Layer4);
        var low = Run(lowLevel, features.Layer1);
        var decoded = Run(decoder, cat([Resample.Like(context, low), low], 1));
        return scope.MoveToOuter(Resample.Like(Run(classifier, decoded), input));
    }
}
