using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>Which FCN: the finest backbone stride whose features are fused into the prediction.</summary>
public enum FcnVariant
{
    /// <summary>Predicts from the stride-32 features only.</summary>
    Fcn32s,
    /// <summary>Adds the stride-16 features' scores.</summary>
    Fcn16s,
    /// <summary>Adds the stride-16 and stride-8 features' scores.</summary>
    Fcn8s,
}

/// <summary>
/// Fully convolutional network (Long et al. 2015) on a ResNet backbone built here: a head on the
/// stride-32 features (3x3 conv to a quarter of the channels, BN, ReLU, dropout 0.1, 1x1 scores, as
/// torchvision's FCNHead), then for FCN-16s/8s the scores are upsampled bilinearly and summed with
/// 1x1 scores of the stride-16 (and stride-8) features, which start at zero as in the paper so training
/// starts from the coarser net; a final bilinear upsampling restores the input size. Any input size
/// works. Backbone weights load from torchvision (<see cref="LoadBackboneWeights"/>).
/// </summary>
public sealed class Fcn : SegmentationModel
{
    readonly ResNet backbone;
    readonly Sequential head;
    readonly Conv2d? score16, score8;

    /// <summary>Builds the network; see <see cref="Models.Fcn"/> for the options.</summary>
    public Fcn(FcnVariant variant, Backbone backbone, long inChannels, long numClasses, long baseWidth)
        : base(variant.ToString().ToUpperInvariant().Replace('S', 's'), inChannels, numClasses)
    {
        Variant = variant;
        this.backbone = new ResNet(backbone, inChannels, baseWidth);
        var c = this.backbone.StageChannels;
        var inner = c[3] / 4;
        head = nn.Sequential(nn.Conv2d(c[3], inner, 3, padding: 1, bias: false), nn.BatchNorm2d(inner), nn.ReLU(), nn.Dropout(0.1),
                             nn.Conv2d(inner, numClasses, 1));
        if (variant != FcnVariant.Fcn32s) score16 = ZeroScore(c[2], numClasses);
        if (variant == FcnVariant.Fcn8s) score8 = ZeroScore(c[1], numClasses);
        register_module(nameof(backbone), this.backbone);
        register_module(nameof(head), head);
        if (score16 is not null) register_module(nameof(score16), score16);
        if (score8 is not null) register_module(nameof(score8), score8);
    }

    /// <summary>FCN-32s, 16s or 8s.</summary>
    public FcnVariant Variant { get; }

    /// <summary>The ResNet feature extractor.</summary>
    public ResNet Encoder => backbone;

    /// <inheritdoc/>
    public override long MinimumSize => 32;
    /// <inheritdoc/>
    protected override string SizeReason => "the backbone's stride of 32";

    /// <summary>Loads torchvision's ResNet weights into the backbone (see <see cref="ResNet.LoadTorchvisionWeights"/>).</summary>
    public Fcn LoadBackboneWeights(string path)
    {
        backbone.LoadTorchvisionWeights(path);
        return this;
    }

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = backbone.Features(input);
        var scores = Run(head, features.Layer4);
        if (score16 is not null) scores = Resample.Like(scores, features.Layer3).add(Run(score16, features.Layer3));
        if (score8 is not null) scores = Resample.Like(scores, features.Layer2).add(Run(score8, features.Layer2));
        return scope.MoveToOuter(Resample.Like(scores, input));
    }

    static Conv2d ZeroScore(long inChannels, long numClasses)
    {
        var conv = nn.Conv2d(inChannels, numClasses, 1);
        nn.init.zeros_(conv.weight);
        nn.init.zeros_(conv.bias!);
        return conv;
    }
}
