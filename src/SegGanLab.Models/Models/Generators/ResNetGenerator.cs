using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// The ResNet encoder-decoder generator of pix2pix/CycleGAN and DeblurGAN (Johnson et al.'s
/// architecture): reflection-padded 7x7 convolution, two stride-2 3x3 convolutions down, <c>blocks</c>
/// residual blocks, two stride-2 3x3 transposed convolutions up, reflection-padded 7x7 convolution and
/// tanh; each convolution but the last followed by norm and ReLU. Reflection padding is the
/// convolutions' own padding mode (same numbers as pix2pix's ReflectionPad2d layers). With a residual
/// output (DeblurGAN's learn_residual) it returns clamp(input + G(input), -1, 1).
/// </summary>
public sealed class ResNetGenerator : ImageGenerator
{
    const int Downsamplings = 2;
    readonly Sequential model;

    /// <summary>Builds the generator; see <see cref="Models.ResNetGenerator"/> for the options.</summary>
    public ResNetGenerator(int blocks, long inChannels, long outChannels, long baseWidth, NormKind norm, double dropout, bool residualOutput, OutputActivation output)
        : base(nameof(ResNetGenerator), inChannels, outChannels, output)
    {
        Require.InRange(nameof(ResNetGenerator), nameof(blocks), blocks, 0, 32);
        Require.Positive(nameof(ResNetGenerator), nameof(baseWidth), baseWidth);
        Require.Probability(nameof(ResNetGenerator), nameof(dropout), dropout);
        if (residualOutput && inChannels != outChannels)
            throw new ModelOptionsException(nameof(residualOutput), $"ResNetGenerator: a residual output adds the input to the output, so inChannels ({inChannels}) must equal outChannels ({outChannels}).");
        (Blocks, BaseWidth, Norm, Dropout, ResidualOutput) = (blocks, baseWidth, norm, dropout, residualOutput);
        var bias = NormLayers.ConvBias(norm);
        var seq = new List<nn.Module<Tensor, Tensor>> { nn.Conv2d(inChannels, baseWidth, 7, padding: 3, bias: bias, padding_mode: PaddingModes.Reflect) };
        NormLayers.AddTo(seq, norm, baseWidth);
        seq.Add(nn.ReLU());
        for (var k = 0; k < Downsamplings; k++)
        {
            var c = baseWidth << k;
            seq.Add(nn.Conv2d(c, 2 * c, 3, stride: 2, padding: 1, bias: bias));
            NormLayers.AddTo(seq, norm, 2 * c);
            seq.Add(nn.ReLU());
        }
        var width = baseWidth << Downsamplings;
        for (var b = 0; b < blocks; b++) seq.Add(new ResNetBlock(width, norm, dropout));
        for (var k = Downsamplings; k > 0; k--)
        {
            var c = baseWidth << k;
            seq.Add(nn.ConvTranspose2d(c, c / 2, 3, stride: 2, padding: 1, output_padding: 1, bias: bias));
            NormLayers.AddTo(seq, norm, c / 2);
            seq.Add(nn.ReLU());
        }
        seq.Add(nn.Conv2d(baseWidth, outChannels, 7, padding: 3, padding_mode: PaddingModes.Reflect));
        if (OutputActivations.Create(output) is { } act) seq.Add(act);
        model = nn.Sequential([.. seq]);
        register_module(nameof(model), model);
    }

    /// <summary>Residual blocks at the lowest resolution.</summary>
    public int Blocks { get; }
    /// <summary>Channels of the first convolution (pix2pix's ngf).</summary>
    public long BaseWidth { get; }
    /// <summary>The normalisation.</summary>
    public NormKind Norm { get; }
    /// <summary>Dropout probability inside each residual block.</summary>
    public double Dropout { get; }
    /// <summary>Whether the output is clamp(input + G(input), -1, 1).</summary>
    public bool ResidualOutput { get; }

    /// <inheritdoc/>
    public override long SizeMultiple => 1L << Downsamplings;
    /// <inheritdoc/>
    public override long MinimumSize => 2L << Downsamplings;
    /// <inheritdoc/>
    protected override string SizeReason => "reflection padding after two stride-2 convolutions";

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input)
    {
        var y = Run(model, input);
        if (!ResidualOutput) return y;
        using (y)
        using (var sum = input.add(y))
            return sum.clamp(-1, 1);
    }
}

/// <summary>pix2pix's ResnetBlock: x + (reflect-pad, 3x3 conv, norm, ReLU, [dropout], reflect-pad, 3x3 conv, norm)(x).</summary>
public sealed class ResNetBlock : nn.Module<Tensor, Tensor>
{
    readonly Sequential conv_block;

    /// <summary>Builds a block of <paramref name="channels"/> channels.</summary>
    public ResNetBlock(long channels, NormKind norm, double dropout) : base(nameof(ResNetBlock))
    {
        var bias = NormLayers.ConvBias(norm);
        var seq = new List<nn.Module<Tensor, Tensor>> { nn.Conv2d(channels, channels, 3, padding: 1, bias: bias, padding_mode: PaddingModes.Reflect) };
        NormLayers.AddTo(seq, norm, channels);
        seq.Add(nn.ReLU());
        if (dropout > 0) seq.Add(nn.Dropout(dropout));
        seq.Add(nn.Conv2d(channels, channels, 3, padding: 1, bias: bias, padding_mode: PaddingModes.Reflect));
        NormLayers.AddTo(seq, norm, channels);
        conv_block = nn.Sequential([.. seq]);
        register_module(nameof(conv_block), conv_block);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var residual = ShapeTrace.Run(conv_block, input);
        return input.add(residual);
    }
}
