using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>The convolution stacks several architectures share.</summary>
internal static class ConvBlocks
{
    /// <summary>conv(k x k, same padding) -> norm -> ReLU, twice (U-Net's unit).</summary>
    internal static Sequential DoubleConv(long inChannels, long outChannels, NormKind norm)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        AddConvNormRelu(layers, inChannels, outChannels, 3, norm);
        AddConvNormRelu(layers, outChannels, outChannels, 3, norm);
        return nn.Sequential([.. layers]);
    }

    /// <summary>
    /// conv(k x k, same padding, dilation) -> norm -> ReLU. The convolution has a bias when the norm
    /// does not shift, unless <paramref name="bias"/> says otherwise (Caffe's SegNet keeps it before BN).
    /// </summary>
    internal static void AddConvNormRelu(List<nn.Module<Tensor, Tensor>> layers, long inChannels, long outChannels, long kernel, NormKind norm, long dilation = 1,
                                         bool? bias = null)
    {
        layers.Add(nn.Conv2d(inChannels, outChannels, kernel, padding: dilation * (kernel / 2), dilation: dilation, bias: bias ?? NormLayers.ConvBias(norm)));
        NormLayers.AddTo(layers, norm, outChannels);
        layers.Add(nn.ReLU());
    }

    /// <summary>conv -> norm -> ReLU as its own Sequential.</summary>
    internal static Sequential ConvNormRelu(long inChannels, long outChannels, long kernel, NormKind norm = NormKind.Batch, long dilation = 1, bool? bias = null)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        AddConvNormRelu(layers, inChannels, outChannels, kernel, norm, dilation, bias);
        return nn.Sequential([.. layers]);
    }
}
