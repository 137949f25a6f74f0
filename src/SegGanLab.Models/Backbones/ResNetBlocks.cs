using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// A ResNet residual block with torchvision's parameter names: <see cref="BasicBlock"/> (ResNet-18/34)
/// and <see cref="Bottleneck"/> (ResNet-50, stride on the 3x3 convolution as torchvision's v1.5).
/// </summary>
public abstract class ResidualBlock : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor>? _downsample;

    /// <summary>Creates a block; <paramref name="downsample"/> projects the identity when shape changes.</summary>
    protected ResidualBlock(string name, nn.Module<Tensor, Tensor>? downsample) : base(name) => _downsample = downsample;

    /// <summary>The residual branch (without the final ReLU).</summary>
    protected abstract Tensor Residual(Tensor input);

    /// <summary>relu(residual(x) + identity(x)).</summary>
    public override Tensor forward(Tensor input)
    {
        using var residual = Residual(input);
        using var identity = _downsample is null ? input.alias() : ShapeTrace.Run(_downsample, input);
        using var sum = residual.add(identity);
        return sum.relu();
    }

    /// <summary>A 1x1 convolution + batch norm projecting the identity, registered as "downsample" (0: conv, 1: bn).</summary>
    internal static nn.Module<Tensor, Tensor>? Projection(long inChannels, long outChannels, long stride) =>
        stride == 1 && inChannels == outChannels
            ? null
            : nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), nn.BatchNorm2d(outChannels));

    /// <summary>Registers the projection last, as torchvision does (it is the last attribute of the block).</summary>
    protected void RegisterDownsample()
    {
        if (_downsample is not null) register_module("downsample", _downsample);
    }

    /// <summary>conv -> bn (-> relu), the repeated unit of both blocks.</summary>
    protected static Tensor ConvBn(nn.Module<Tensor, Tensor> conv, nn.Module<Tensor, Tensor> bn, Tensor input, bool relu)
    {
        using var c = ShapeTrace.Run(conv, input);
        var b = ShapeTrace.Run(bn, c);
        if (!relu) return b;
        using (b) return b.relu();
    }
}

/// <summary>Two 3x3 convolutions (ResNet-18/34). Unlike torchvision's, it accepts a dilation (DeepLab's output stride 16).</summary>
public sealed class BasicBlock : ResidualBlock
{
    /// <summary>Output channels per input "plane" (1 for basic blocks).</summary>
    public const long Expansion = 1;
    readonly nn.Module<Tensor, Tensor> conv1, bn1, conv2, bn2;

    /// <summary>Creates the block: stride on the first convolution, <paramref name="dilation"/> on both.</summary>
    public BasicBlock(long inChannels, long planes, long stride = 1, long dilation = 1)
        : base(nameof(BasicBlock), Projection(inChannels, planes, stride))
    {
        conv1 = nn.Conv2d(inChannels, planes, 3, stride: stride, padding: dilation, dilation: dilation, bias: false);
        bn1 = nn.BatchNorm2d(planes);
        conv2 = nn.Conv2d(planes, planes, 3, padding: dilation, dilation: dilation, bias: false);
        bn2 = nn.BatchNorm2d(planes);
        register_module(nameof(conv1), conv1);
        register_module(nameof(bn1), bn1);
        register_module(nameof(conv2), conv2);
        register_module(nameof(bn2), bn2);
        RegisterDownsample();
    }

    /// <inheritdoc/>
    protected override Tensor Residual(Tensor input)
    {
        using var h = ConvBn(conv1, bn1, input, relu: true);
        return ConvBn(conv2, bn2, h, relu: false);
    }
}

/// <summary>1x1 reduce, 3x3 (stride, dilation), 1x1 expand by 4 (ResNet-50).</summary>
public sealed class Bottleneck : ResidualBlock
{
    /// <summary>Output channels per input "plane".</summary>
    public const long Expansion = 4;
    readonly nn.Module<Tensor, Tensor> conv1, bn1, conv2, bn2, conv3, bn3;

    /// <summary>Creates the block with <paramref name="planes"/> inner channels and 4x as many outputs.</summary>
    public Bottleneck(long inChannels, long planes, long stride = 1, long dilation = 1)
        : base(nameof(Bottleneck), Projection(inChannels, planes * Expansion, stride))
    {
        conv1 = nn.Conv2d(inChannels, planes, 1, bias: false);
        bn1 = nn.BatchNorm2d(planes);
        conv2 = nn.Conv2d(planes, planes, 3, stride: stride, padding: dilation, dilation: dilation, bias: false);
        bn2 = nn.BatchNorm2d(planes);
        conv3 = nn.Conv2d(planes, planes * Expansion, 1, bias: false);
        bn3 = nn.BatchNorm2d(planes * Expansion);
        register_module(nameof(conv1), conv1);
        register_module(nameof(bn1), bn1);
        register_module(nameof(conv2), conv2);
        register_module(nameof(bn2), bn2);
        register_module(nameof(conv3), conv3);
        register_module(nameof(bn3), bn3);
        RegisterDownsample();
    }

    /// <inheritdoc/>
    protected override Tensor Residual(Tensor input)
    {
        using var h1 = ConvBn(conv1, bn1, input, relu: true);
        using var h2 = ConvBn(conv2, bn2, h1, relu: true);
        return ConvBn(conv3, bn3, h2, relu: false);
    }
}
