using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>What a generator applies to its last layer's output.</summary>
public enum OutputActivation
{
    /// <summary>Raw values: logits for segmentation (the losses apply softmax/sigmoid themselves).</summary>
    None,
    /// <summary>tanh: images in [-1, 1], as pix2pix generators produce.</summary>
    Tanh,
    /// <summary>Logistic sigmoid: values in [0, 1].</summary>
    Sigmoid,
}

/// <summary>Builds the output activation module.</summary>
internal static class OutputActivations
{
    /// <summary>The module for <paramref name="kind"/>, or null for <see cref="OutputActivation.None"/>.</summary>
    internal static nn.Module<Tensor, Tensor>? Create(OutputActivation kind) => kind switch
    {
        OutputActivation.None => null,
        OutputActivation.Tanh => nn.Tanh(),
        OutputActivation.Sigmoid => nn.Sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown output activation"),
    };
}
