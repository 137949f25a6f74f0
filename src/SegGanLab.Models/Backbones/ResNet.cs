using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>The ResNet backbones built here (He et al. 2016, torchvision's layout).</summary>
public enum Backbone
{
    /// <summary>Basic blocks [2, 2, 2, 2]; stages of 64-128-256-512 channels.</summary>
    ResNet18,
    /// <summary>Basic blocks [3, 4, 6, 3]; stages of 64-128-256-512 channels.</summary>
    ResNet34,
    /// <summary>Bottleneck blocks [3, 4, 6, 3]; stages of 256-512-1024-2048 channels.</summary>
    ResNet50,
}

/// <summary>The four stage outputs of a <see cref="ResNet"/> (strides 4, 8, 16, 32, or 16 for the last when dilated); dispose to free them.</summary>
public sealed record ResNetFeatures(Tensor Layer1, Tensor Layer2, Tensor Layer3, Tensor Layer4) : IDisposable
{
    /// <summary>Frees the four tensors.</summary>
    public void Dispose()
    {
        Layer1.Dispose();
        Layer2.Dispose();
        Layer3.Dispose();
        Layer4.Dispose();
    }
}

/// <summary>
/// A ResNet-18/34/50 feature extractor with torchvision's module names (conv1, bn1, layer1.0.conv1, ...)
/// and initialisation, without the classifier, so that torchvision's weights exported with
/// <c>scripts/export_torchvision_weights.py</c> load by name (<see cref="LoadTorchvisionWeights"/>).
/// A base width scales every stage (64 is torchvision's); dilating the last stage
/// replaces the last stage's stride by dilation 2 (output stride 16, as DeepLab does).
/// </summary>
public sealed class ResNet : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> conv1, bn1, relu, maxpool;
    readonly Sequential layer1, layer2, layer3, layer4;

    /// <summary>Builds the backbone.</summary>
    public ResNet(Backbone kind, long inChannels = 3, long baseWidth = 64, bool dilateLastStage = false) : base(nameof(ResNet))
    {
        Require.Positive(nameof(ResNet), nameof(inChannels), inChannels);
        Require.Positive(nameof(ResNet), nameof(baseWidth), baseWidth);
        Kind = kind;
        OutputStride = dilateLastStage ? 16 : 32;
        var (blocks, expansion) = kind switch
        {
            Backbone.ResNet18 => (new[] { 2, 2, 2, 2 }, BasicBlock.Expansion),
            Backbone.ResNet34 => (new[] { 3, 4, 6, 3 }, BasicBlock.Expansion),
            Backbone.ResNet50 => (new[] { 3, 4, 6, 3 }, Bottleneck.Expansion),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown ResNet"),
        };
        conv1 = nn.Conv2d(inChannels, baseWidth, 7, stride: 2, padding: 3, bias: false);
        bn1 = nn.BatchNorm2d(baseWidth);
        relu = nn.ReLU();
        maxpool = nn.MaxPool2d(3, stride: 2, padding: 1);
        var channels = baseWidth;
        var dilation = 1L;
        var stages = new Sequential[4];
        for (var s = 0; s < 4; s++)
        {
            var planes = baseWidth << s;
            var stride = s == 0 ? 1L : 2L;
            // torchvision's replace_stride_with_dilation: the first block keeps the previous dilation.
            var firstDilation = dilation;
            if (s == 3 && dilateLastStage) (dilation, stride) = (dilation * stride, 1);
            var stage = new List<nn.Module<Tensor, Tensor>>();
            for (var b = 0; b < blocks[s]; b++)
            {
                var (st, d) = b == 0 ? (stride, firstDilation) : (1L, dilation);
                stage.Add(expansion == 1 ? new BasicBlock(channels, planes, st, d) : new Bottleneck(channels, planes, st, d));
                channels = planes * expansion;
            }
            stages[s] = nn.Sequential([.. stage]);
        }
        (layer1, layer2, layer3, layer4) = (stages[0], stages[1], stages[2], stages[3]);
        StageChannels = [.. Enumerable.Range(0, 4).Select(s => (baseWidth << s) * expansion)];
        register_module(nameof(conv1), conv1);
        register_module(nameof(bn1), bn1);
        register_module(nameof(relu), relu);
        register_module(nameof(maxpool), maxpool);
        for (var s = 0; s < 4; s++) register_module($"layer{s + 1}", stages[s]);
        InitialiseAsTorchvision();
    }

    /// <summary>Which ResNet this is.</summary>
    public Backbone Kind { get; }

    /// <summary>Output channels of layer1..layer4.</summary>
    public IReadOnlyList<long> StageChannels { get; }

    /// <summary>Input size / layer4 size: 32, or 16 with the last stage dilated.</summary>
    public long OutputStride { get; }

    /// <summary>The last stage's output.</summary>
    public override Tensor forward(Tensor input)
    {
        using var features = Features(input);
        return features.Layer4.alias();
    }

    /// <summary>All four stage outputs (FCN and DeepLab tap the earlier ones).</summary>
    public ResNetFeatures Features(Tensor input)
    {
        Tensor? l1 = null, l2 = null, l3 = null;
        try
        {
            using (var c = ShapeTrace.Run(conv1, input))
            using (var b = ShapeTrace.Run(bn1, c))
            using (var r = ShapeTrace.Run(relu, b))
            using (var p = ShapeTrace.Run(maxpool, r))
                l1 = ShapeTrace.Run(layer1, p);
            l2 = ShapeTrace.Run(layer2, l1);
            l3 = ShapeTrace.Run(layer3, l2);
            var l4 = ShapeTrace.Run(layer4, l3);
            ShapeTrace.Record(this, l4);
            return new ResNetFeatures(l1, l2, l3, l4);
        }
        catch
        {
            l1?.Dispose();
            l2?.Dispose();
            l3?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads torchvision's weights for this ResNet from a safetensors file (exported with
    /// scripts/export_torchvision_weights.py; the classifier "fc.*" is ignored). Throws
    /// <see cref="BackboneWeightsException"/> naming the file and the first offending keys when
    /// the file is missing or was exported from another architecture.
    /// </summary>
    public ResNet LoadTorchvisionWeights(string path)
    {
        TorchvisionWeights.Load(this, path, Kind.ToString().Replace("ResNet", "resnet", StringComparison.Ordinal), key => key.StartsWith("fc.", StringComparison.Ordinal));
        return this;
    }

    void InitialiseAsTorchvision()
    {
        // torchvision's ResNet: He-normal with fan_out for convolutions; batch norm scale 1, shift 0 (already so).
        foreach (var m in modules())
            if (m is Conv2d c) nn.init.kaiming_normal_(c.weight, 0, nn.init.FanInOut.FanOut, nn.init.NonlinearityType.ReLU);
    }
}
