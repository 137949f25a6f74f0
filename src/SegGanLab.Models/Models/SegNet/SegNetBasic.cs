using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// SegNet-Basic, the SegNet tutorial's smaller network (alexgkendall/SegNet-Tutorial,
/// segnet_basic_train.prototxt): local response normalisation of the input (size 5, alpha 1e-4,
/// beta 0.75; optional), four encoder stages of 7x7 convolution (64 channels), batch norm, ReLU and
/// 2x2 max pooling that keeps its indices; four decoder stages of unpooling with those indices, 7x7
/// convolution and batch norm (no ReLU, as in the prototxt); a 1x1 convolution gives the class logits.
/// Pooling rounds up as Caffe's does, so CamVid's 360x480 works unpadded.
/// </summary>
public sealed class SegNetBasic : SegmentationModel
{
    const int Stages = 4;
    readonly LocalResponseNorm? lrn;
    readonly ModuleList<Sequential> encoder, decoder;
    readonly MaxPool2d pool;
    readonly MaxUnpool2d unpool;
    readonly Conv2d classifier;

    /// <summary>Builds the network; see <see cref="Models.SegNetBasic"/> for the options.</summary>
    public SegNetBasic(long inChannels, long numClasses, long width, bool localResponseNorm)
        : base(nameof(SegNetBasic), inChannels, numClasses)
    {
        Require.Positive(nameof(SegNetBasic), nameof(width), width);
        (Width, UsesLocalResponseNorm) = (width, localResponseNorm);
        lrn = localResponseNorm ? new LocalResponseNorm(5, 1e-4, 0.75, 1.0) : null;
        encoder = nn.ModuleList([.. Enumerable.Range(0, Stages).Select(s => ConvBlocks.ConvNormRelu(s == 0 ? inChannels : width, width, 7, bias: true))]);
        decoder = nn.ModuleList([.. Enumerable.Range(0, Stages).Select(_ => nn.Sequential(nn.Conv2d(width, width, 7, padding: 3), nn.BatchNorm2d(width)))]);
        pool = nn.MaxPool2d(2, stride: 2, ceil_mode: true);
        unpool = nn.MaxUnpool2d(2, stride: 2);
        classifier = nn.Conv2d(width, numClasses, 1);
        if (lrn is not null) register_module(nameof(lrn), lrn);
        register_module(nameof(encoder), encoder);
        register_module(nameof(pool), pool);
        register_module(nameof(unpool), unpool);
        register_module(nameof(decoder), decoder);
        register_module(nameof(classifier), classifier);
    }

    /// <summary>Channels of every convolution (64 in the tutorial).</summary>
    public long Width { get; }
    /// <summary>Whether the input is LRN-normalised first.</summary>
    public bool UsesLocalResponseNorm { get; }

    /// <inheritdoc/>
    public override long MinimumSize => 1L << Stages;
    /// <inheritdoc/>
    protected override string SizeReason => $"{Stages} poolings";

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = lrn is null ? input : Run(lrn, input);
        var pools = new (Tensor Indices, (long, long) Size)[Stages];
        for (var s = 0; s < Stages; s++)
        {
            var features = Run(encoder[s], x);
            var size = features.shape;
            (x, var indices) = pool.forward_with_indices(features);
            ShapeTrace.Record(pool, x);
            pools[s] = (indices, (size[2], size[3]));
        }
        for (var s = 0; s < Stages; s++)
        {
            var (indices, size) = pools[Stages - 1 - s];
            x = Run(decoder[s], SegNet.Unpool(unpool, x, indices, size));
        }
        return scope.MoveToOuter(Run(classifier, x));
    }
}
