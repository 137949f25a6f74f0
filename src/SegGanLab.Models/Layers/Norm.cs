using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>The normalisation layer a model puts after its convolutions (pix2pix's <c>--norm</c>).</summary>
public enum NormKind
{
    /// <summary>Batch normalisation with running statistics (pix2pix's default, SegNet, ResNet).</summary>
    Batch,
    /// <summary>Instance normalisation without affine parameters or running statistics (CycleGAN, DeblurGAN).</summary>
    Instance,
    /// <summary>No normalisation.</summary>
    None,
}

/// <summary>Builds the normalisation layer of a <see cref="NormKind"/>.</summary>
internal static class NormLayers
{
    /// <summary>The layer for <paramref name="channels"/> channels, or null for <see cref="NormKind.None"/>.</summary>
    internal static nn.Module<Tensor, Tensor>? Create(NormKind kind, long channels) => kind switch
    {
        NormKind.Batch => nn.BatchNorm2d(channels),
        NormKind.Instance => nn.InstanceNorm2d(channels),
        NormKind.None => null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown normalisation"),
    };

    /// <summary>
    /// Whether a convolution followed by this norm needs its own bias: batch norm's shift makes it
    /// redundant. pix2pix also drops it with no norm; keeping it there is the useful choice.
    /// </summary>
    internal static bool ConvBias(NormKind kind) => kind != NormKind.Batch;

    /// <summary>Adds the norm layer to <paramref name="layers"/> unless the kind is <see cref="NormKind.None"/>.</summary>
    internal static void AddTo(List<nn.Module<Tensor, Tensor>> layers, NormKind kind, long channels)
    {
        if (Create(kind, channels) is { } norm) layers.Add(norm);
    }
}
