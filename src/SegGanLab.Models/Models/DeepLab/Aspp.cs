using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// Atrous spatial pyramid pooling (DeepLabV3): a 1x1 branch, 3x3 branches at each dilation rate and an
/// image-pooling branch (global average, 1x1, upsampled back), each conv-BN-ReLU with
/// <see cref="Channels"/> channels, concatenated and projected by a 1x1 conv-BN-ReLU with dropout 0.5,
/// as torchvision's ASPP.
/// </summary>
public sealed class Aspp : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<Sequential> branches;
    readonly Sequential pooling, project;

    /// <summary>Builds the module for <paramref name="inChannels"/> input channels.</summary>
    public Aspp(long inChannels, long channels, IReadOnlyList<long> rates) : base(nameof(Aspp))
    {
        Require.Positive(nameof(Aspp), nameof(channels), channels);
        if (rates.Count == 0 || rates.Any(r => r <= 0))
            throw new ModelOptionsException(nameof(rates), $"Aspp: rates must be one or more positive dilations; got [{string.Join(", ", rates)}].");
        (Channels, Rates) = (channels, rates);
        var all = new List<Sequential> { ConvBlocks.ConvNormRelu(inChannels, channels, 1) };
        all.AddRange(rates.Select(r => ConvBlocks.ConvNormRelu(inChannels, channels, 3, dilation: r)));
        branches = nn.ModuleList([.. all]);
        pooling = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(inChannels, channels, 1, bias: false), nn.BatchNorm2d(channels), nn.ReLU());
        project = nn.Sequential(nn.Conv2d((rates.Count + 2) * channels, channels, 1, bias: false), nn.BatchNorm2d(channels), nn.ReLU(), nn.Dropout(0.5));
        register_module(nameof(branches), branches);
        register_module(nameof(pooling), pooling);
        register_module(nameof(project), project);
    }

    /// <summary>Channels of every branch and of the output.</summary>
    public long Channels { get; }
    /// <summary>Dilation rates of the 3x3 branches.</summary>
    public IReadOnlyList<long> Rates { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var outputs = branches.Select(b => ShapeTrace.Run(b, input)).ToList();
        outputs.Add(Resample.Like(ShapeTrace.Run(pooling, input), input));
        return scope.MoveToOuter(ShapeTrace.Run(project, cat(outputs, 1)));
    }
}
