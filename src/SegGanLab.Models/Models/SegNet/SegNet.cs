using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// SegNet (Badrinarayanan et al. 2017, alexgkendall/SegNet-Tutorial's segnet_train.prototxt): a
/// VGG-16-BN encoder whose five max poolings keep their indices, and a mirrored decoder that
/// max-unpools with those indices (no learned upsampling) followed by 3x3 conv-BN-ReLU units; the
/// last 3x3 convolution gives the class logits. The encoder loads torchvision's <c>vgg16_bn</c>
/// weights (<see cref="LoadEncoderWeights"/>). Any size of at least 32 works: unpooling restores
/// each stage's exact size, odd ones included.
/// </summary>
public sealed class SegNet : SegmentationModel
{
    readonly Vgg16Encoder encoder;
    readonly ModuleList<Sequential> decoder;
    readonly MaxUnpool2d unpool;
    readonly Conv2d classifier;

    /// <summary>Builds the network; see <see cref="Models.SegNet"/> for the options.</summary>
    public SegNet(long inChannels, long numClasses, long baseWidth) : base(nameof(SegNet), inChannels, numClasses)
    {
        encoder = new Vgg16Encoder(inChannels, baseWidth);
        var channels = encoder.StageChannels;
        var stages = new List<Sequential>();
        for (var s = channels.Count - 1; s >= 0; s--)
        {
            var layers = new List<nn.Module<Tensor, Tensor>>();
            // Mirrors the encoder: the last unit of a stage narrows to the next stage's width; the
            // first stage's last unit is the classifier, outside the stage. Biases before BN as in the prototxt.
            var units = Vgg16Encoder.ConvsPerStage[s] - (s == 0 ? 1 : 0);
            for (var u = 0; u < units; u++)
            {
                var output = u == units - 1 && s > 0 ? channels[s - 1] : channels[s];
                ConvBlocks.AddConvNormRelu(layers, channels[s], output, 3, NormKind.Batch, bias: true);
            }
            stages.Add(nn.Sequential([.. layers]));
        }
        decoder = nn.ModuleList([.. stages]);
        unpool = nn.MaxUnpool2d(2, stride: 2);
        classifier = nn.Conv2d(channels[0], numClasses, 3, padding: 1);
        BaseWidth = baseWidth;
        register_module(nameof(encoder), encoder);
        register_module(nameof(unpool), unpool);
        register_module(nameof(decoder), decoder);
        register_module(nameof(classifier), classifier);
    }

    /// <summary>Channels of the first stage (64 is VGG-16's).</summary>
    public long BaseWidth { get; }

    /// <summary>The VGG-16-BN encoder.</summary>
    public Vgg16Encoder Encoder => encoder;

    /// <inheritdoc/>
    public override long MinimumSize => 32;
    /// <inheritdoc/>
    protected override string SizeReason => "5 poolings";

    /// <summary>Loads torchvision's vgg16_bn weights into the encoder (see <see cref="Vgg16Encoder.LoadTorchvisionWeights"/>).</summary>
    public SegNet LoadEncoderWeights(string path)
    {
        encoder.LoadTorchvisionWeights(path);
        return this;
    }

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input)
    {
        using var scope = NewDisposeScope();
        var encoding = encoder.Encode(input);
        var x = encoding.Output;
        for (var k = 0; k < decoder.Count; k++)
        {
            var (indices, size) = encoding.Pools[^(k + 1)];
            x = Run(decoder[k], Unpool(unpool, x, indices, size));
        }
        return scope.MoveToOuter(Run(classifier, x));
    }

    /// <summary>Max-unpools <paramref name="x"/> to <paramref name="size"/> with a pooling's indices, recording the shape for summaries.</summary>
    internal static Tensor Unpool(MaxUnpool2d unpool, Tensor x, Tensor indices, (long, long) size)
    {
        var y = unpool.forward(x, indices, size);
        ShapeTrace.Record(unpool, y);
        return y;
    }
}
