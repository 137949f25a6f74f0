using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// pix2pix's PatchGAN discriminator (NLayerDiscriminator): a 4x4 stride-2 convolution with LeakyReLU
/// 0.2 (no norm), <c>layers</c> - 1 more stride-2 conv-norm-LeakyReLU units doubling the width up to
/// 8x, one stride-1 unit, and a 4x4 stride-1 convolution to one logit per patch. With 3 layers (pix2pix's
/// "basic") each logit sees a 70x70 patch (<see cref="ReceptiveField"/>). Conditional: it judges the
/// image concatenated with a mask or class-probability map.
/// </summary>
public sealed class PatchGan : Discriminator
{
    readonly Sequential model;

    /// <summary>Builds the discriminator; see <see cref="Models.PatchGan"/> for the options.</summary>
    public PatchGan(long imageChannels, long labelChannels, int layers, long baseWidth, NormKind norm)
        : base(nameof(PatchGan), imageChannels, labelChannels)
    {
        Require.InRange(nameof(PatchGan), nameof(layers), layers, 1, 8);
        Require.Positive(nameof(PatchGan), nameof(baseWidth), baseWidth);
        (Layers, BaseWidth, Norm) = (layers, baseWidth, norm);
        var bias = NormLayers.ConvBias(norm);
        var seq = new List<nn.Module<Tensor, Tensor>> { nn.Conv2d(InChannels, baseWidth, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2) };
        long multiple = 1;
        for (var n = 1; n <= layers; n++)
        {
            var previous = multiple;
            multiple = Math.Min(1L << n, 8);
            // The last unit keeps the resolution (stride 1), as pix2pix's.
            seq.Add(nn.Conv2d(baseWidth * previous, baseWidth * multiple, 4, stride: n < layers ? 2 : 1, padding: 1, bias: bias));
            NormLayers.AddTo(seq, norm, baseWidth * multiple);
            seq.Add(nn.LeakyReLU(0.2));
        }
        seq.Add(nn.Conv2d(baseWidth * multiple, 1, 4, stride: 1, padding: 1));
        model = nn.Sequential([.. seq]);
        register_module(nameof(model), model);
    }

    /// <summary>Number of stride-2 convolutions (pix2pix's n_layers_D).</summary>
    public int Layers { get; }
    /// <summary>Channels of the first convolution (pix2pix's ndf).</summary>
    public long BaseWidth { get; }
    /// <summary>The normalisation.</summary>
    public NormKind Norm { get; }

    /// <summary>The side of the input patch each output logit sees (70 for 3 layers).</summary>
    public long ReceptiveField
    {
        get
        {
            // Backwards from one logit: the two 4x4 stride-1 convolutions add 3 each, every 4x4
            // stride-2 one maps r to 2(r - 1) + 4.
            long r = 1 + 3 + 3;
            for (var n = 0; n < Layers; n++) r = 2 * (r - 1) + 4;
            return r;
        }
    }

    /// <inheritdoc/>
    public override long MinimumSize => 3L << Layers;
    /// <inheritdoc/>
    protected override string SizeReason => $"{Layers} stride-2 layers and two 4x4 ones";

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input) => Run(model, input);
}
