using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>What a max-pooling encoder hands to an unpooling decoder: the output and, per pooling, its indices and input size.</summary>
public sealed class PooledEncoding : IDisposable
{
    internal PooledEncoding(Tensor output, IReadOnlyList<(Tensor Indices, (long, long) Size)> pools) => (Output, Pools) = (output, pools);

    /// <summary>The last pooling's output.</summary>
    public Tensor Output { get; }

    /// <summary>Per pooling, first to last: the flat indices of the maxima and the height and width before pooling.</summary>
    public IReadOnlyList<(Tensor Indices, (long, long) Size)> Pools { get; }

    /// <summary>Frees the output and every index tensor.</summary>
    public void Dispose()
    {
        Output.Dispose();
        foreach (var (indices, _) in Pools) indices.Dispose();
    }
}

/// <summary>
/// The 13 convolutions of VGG-16 with batch norm, in torchvision's <c>vgg16_bn</c> layout
/// ("features.0" conv, "features.1" bn, ...), so its weights load by name. SegNet's encoder:
/// each of the five stages ends in a 2x2 max pooling that keeps its indices; pooling rounds up
/// (ceil mode, as Caffe's SegNet) so odd sizes such as CamVid's 45 rows keep their last row.
/// </summary>
public sealed class Vgg16Encoder : nn.Module<Tensor, Tensor>
{
    /// <summary>Convolutions per stage.</summary>
    public static readonly IReadOnlyList<int> ConvsPerStage = [2, 2, 3, 3, 3];

    readonly Sequential features;

    /// <summary>Builds the encoder; <paramref name="baseWidth"/> 64 is VGG's (stages of w, 2w, 4w, 8w, 8w channels).</summary>
    public Vgg16Encoder(long inChannels = 3, long baseWidth = 64) : base(nameof(Vgg16Encoder))
    {
        Require.Positive(nameof(Vgg16Encoder), nameof(inChannels), inChannels);
        Require.Positive(nameof(Vgg16Encoder), nameof(baseWidth), baseWidth);
        StageChannels = [baseWidth, 2 * baseWidth, 4 * baseWidth, 8 * baseWidth, 8 * baseWidth];
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var channels = inChannels;
        for (var s = 0; s < ConvsPerStage.Count; s++)
        {
            for (var c = 0; c < ConvsPerStage[s]; c++)
            {
                layers.Add(nn.Conv2d(channels, StageChannels[s], 3, padding: 1));
                layers.Add(nn.BatchNorm2d(StageChannels[s]));
                layers.Add(nn.ReLU());
                channels = StageChannels[s];
            }
            layers.Add(nn.MaxPool2d(2, stride: 2, ceil_mode: true));
        }
        features = nn.Sequential([.. layers]);
        register_module(nameof(features), features);
    }

    /// <summary>Output channels of the five stages.</summary>
    public IReadOnlyList<long> StageChannels { get; }

    /// <summary>The last pooling's output.</summary>
    public override Tensor forward(Tensor input)
    {
        using var encoding = Encode(input);
        return encoding.Output.alias();
    }

    /// <summary>Runs the encoder, keeping each pooling's indices and input size for the decoder.</summary>
    public PooledEncoding Encode(Tensor input)
    {
        var pools = new List<(Tensor, (long, long))>();
        var x = input.alias();
        try
        {
            foreach (var layer in features)
            {
                Tensor next;
                if (layer is MaxPool2d pool)
                {
                    var s = x.shape;
                    (next, var indices) = pool.forward_with_indices(x);
                    ShapeTrace.Record(pool, next);
                    pools.Add((indices, (s[2], s[3])));
                }
                else next = ShapeTrace.Run(layer, x);
                x.Dispose();
                x = next;
            }
            ShapeTrace.Record(this, x);
            return new PooledEncoding(x, pools);
        }
        catch
        {
            x.Dispose();
            foreach (var (indices, _) in pools) indices.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads torchvision's <c>vgg16_bn</c> weights from a safetensors file (the classifier is ignored);
    /// throws <see cref="BackboneWeightsException"/> when the file is missing or does not fit.
    /// </summary>
    public Vgg16Encoder LoadTorchvisionWeights(string path)
    {
        TorchvisionWeights.Load(this, path, "vgg16_bn", key => key.StartsWith("classifier.", StringComparison.Ordinal));
        return this;
    }
}
