using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// pix2pix's pixel discriminator ("pixel", a 1x1 PatchGAN): three 1x1 convolutions (width, 2x width
/// with norm, 1) with LeakyReLU 0.2, judging every pixel on its own; biases as in pix2pix.
/// </summary>
public sealed class PixelDiscriminator : Discriminator
{
    readonly Sequential net;

    /// <summary>Builds the discriminator; see <see cref="Models.PixelGan"/> for the options.</summary>
    public PixelDiscriminator(long imageChannels, long labelChannels, long baseWidth, NormKind norm)
        : base(nameof(PixelDiscriminator), imageChannels, labelChannels)
    {
        Require.Positive(nameof(PixelDiscriminator), nameof(baseWidth), baseWidth);
        (BaseWidth, Norm) = (baseWidth, norm);
        var bias = NormLayers.ConvBias(norm);
        var seq = new List<nn.Module<Tensor, Tensor>>
        {
            nn.Conv2d(InChannels, baseWidth, 1),
            nn.LeakyReLU(0.2),
            nn.Conv2d(baseWidth, 2 * baseWidth, 1, bias: bias),
        };
        NormLayers.AddTo(seq, norm, 2 * baseWidth);
        seq.Add(nn.LeakyReLU(0.2));
        seq.Add(nn.Conv2d(2 * baseWidth, 1, 1, bias: bias));
        net = nn.Sequential([.. seq]);
        register_module(nameof(net), net);
    }

    /// <summary>Channels of the first convolution.</summary>
    public long BaseWidth { get; }
    /// <summary>The normalisation.</summary>
    public NormKind Norm { get; }

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input) => Run(net, input);
}
