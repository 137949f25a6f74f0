using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// The fully convolutional discriminator of Hung et al. 2018 (AdvSemiSeg's FCDiscriminator): five
/// 4x4 stride-2 convolutions (64-128-256-512 channels, then 1) with LeakyReLU 0.2 between them and
/// no normalisation, on class-probability maps (softmax output or one-hot ground truth, no image by
/// default), and the logits upsampled bilinearly to the input size: a per-pixel confidence map that
/// also drives the semi-supervised loss.
/// </summary>
public sealed class FullyConvDiscriminator : Discriminator
{
    const int Convolutions = 5;
    readonly Sequential model;

    /// <summary>Builds the discriminator; see <see cref="Models.HungDiscriminator"/> for the options.</summary>
    public FullyConvDiscriminator(long labelChannels, long imageChannels, long baseWidth, bool upsample)
        : base(nameof(FullyConvDiscriminator), imageChannels, labelChannels)
    {
        Require.Positive(nameof(FullyConvDiscriminator), nameof(baseWidth), baseWidth);
        (BaseWidth, Upsamples) = (baseWidth, upsample);
        var seq = new List<nn.Module<Tensor, Tensor>>();
        var channels = InChannels;
        for (var k = 0; k < Convolutions - 1; k++)
        {
            seq.Add(nn.Conv2d(channels, baseWidth << k, 4, stride: 2, padding: 1));
            seq.Add(nn.LeakyReLU(0.2));
            channels = baseWidth << k;
        }
        seq.Add(nn.Conv2d(channels, 1, 4, stride: 2, padding: 1));
        model = nn.Sequential([.. seq]);
        register_module(nameof(model), model);
    }

    /// <summary>Channels of the first convolution.</summary>
    public long BaseWidth { get; }
    /// <summary>Whether the logits are upsampled to the input size (else [N, 1, H/32, W/32]).</summary>
    public bool Upsamples { get; }

    /// <inheritdoc/>
    public override long MinimumSize => 1L << Convolutions;
    /// <inheritdoc/>
    protected override string SizeReason => $"{Convolutions} stride-2 convolutions";

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input)
    {
        var logits = Run(model, input);
        if (!Upsamples) return logits;
        using (logits) return Resample.Like(logits, input);
    }
}
