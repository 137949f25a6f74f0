using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// pix2pix's U-Net generator (<c>unet_128</c>: 7 downsamplings, <c>unet_256</c>: 8): 4x4 stride-2
/// convolutions down (LeakyReLU 0.2, no norm on the outermost and innermost), 4x4 stride-2 transposed
/// convolutions up (ReLU), skip connections at every level, dropout in the innermost 512-channel
/// decoder blocks, and tanh (or raw) output. Built as pix2pix's nested skip blocks, so parameters
/// come in pix2pix's order.
/// </summary>
public sealed class Pix2PixUNet : ImageGenerator
{
    readonly UNetSkipBlock model;

    /// <summary>Builds the generator; see <see cref="Models.Pix2PixUNet"/> for the options.</summary>
    public Pix2PixUNet(int downsamplings, long inChannels, long outChannels, long baseWidth, NormKind norm, double dropout, OutputActivation output)
        : base(nameof(Pix2PixUNet), inChannels, outChannels, output)
    {
        Require.InRange(nameof(Pix2PixUNet), nameof(downsamplings), downsamplings, 5, 10);
        Require.Positive(nameof(Pix2PixUNet), nameof(baseWidth), baseWidth);
        Require.Probability(nameof(Pix2PixUNet), nameof(dropout), dropout);
        (Downsamplings, BaseWidth, Norm, Dropout) = (downsamplings, baseWidth, norm, dropout);
        var w = baseWidth;
        var block = new UNetSkipBlock(8 * w, 8 * w, 8 * w, null, norm, 0, UNetSkipBlock.Position.Innermost, output);
        for (var k = 0; k < downsamplings - 5; k++) block = new UNetSkipBlock(8 * w, 8 * w, 8 * w, block, norm, dropout, UNetSkipBlock.Position.Middle, output);
        block = new UNetSkipBlock(4 * w, 8 * w, 4 * w, block, norm, 0, UNetSkipBlock.Position.Middle, output);
        block = new UNetSkipBlock(2 * w, 4 * w, 2 * w, block, norm, 0, UNetSkipBlock.Position.Middle, output);
        block = new UNetSkipBlock(w, 2 * w, w, block, norm, 0, UNetSkipBlock.Position.Middle, output);
        model = new UNetSkipBlock(outChannels, w, inChannels, block, norm, 0, UNetSkipBlock.Position.Outermost, output);
        register_module(nameof(model), model);
    }

    /// <summary>Number of stride-2 downsamplings (the bottleneck is 1x1 for inputs of 2^downsamplings).</summary>
    public int Downsamplings { get; }
    /// <summary>Channels after the first convolution (pix2pix's ngf).</summary>
    public long BaseWidth { get; }
    /// <summary>The normalisation.</summary>
    public NormKind Norm { get; }
    /// <summary>Dropout probability in the innermost wide decoder blocks.</summary>
    public double Dropout { get; }

    /// <inheritdoc/>
    public override long SizeMultiple => 1L << Downsamplings;
    /// <inheritdoc/>
    public override long MinimumSize => 1L << Downsamplings;
    /// <inheritdoc/>
    protected override string SizeReason => $"{Downsamplings} stride-2 convolutions";

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input) => Run(model, input);
}

/// <summary>One level of <see cref="Pix2PixUNet"/>: down, the inner levels, up, and the skip concatenation.</summary>
public sealed class UNetSkipBlock : nn.Module<Tensor, Tensor>
{
    /// <summary>Where the block sits.</summary>
    public enum Position
    {
        /// <summary>Takes the image, returns the output (no skip, no norm, output activation).</summary>
        Outermost,
        /// <summary>A level with a submodule and a skip.</summary>
        Middle,
        /// <summary>The bottleneck (no submodule, no norm on the way down).</summary>
        Innermost,
    }

    readonly LeakyReLU? downrelu;
    readonly Sequential down, up;
    readonly UNetSkipBlock? submodule;
    readonly Position _position;

    internal UNetSkipBlock(long outerChannels, long innerChannels, long inputChannels, UNetSkipBlock? submodule, NormKind norm, double dropout,
                           Position position, OutputActivation output) : base(nameof(UNetSkipBlock))
    {
        _position = position;
        this.submodule = submodule;
        var bias = NormLayers.ConvBias(norm);
        var downLayers = new List<nn.Module<Tensor, Tensor>> { nn.Conv2d(inputChannels, innerChannels, 4, stride: 2, padding: 1, bias: bias) };
        if (position == Position.Middle) NormLayers.AddTo(downLayers, norm, innerChannels);
        var upIn = position == Position.Innermost ? innerChannels : 2 * innerChannels;
        var upLayers = new List<nn.Module<Tensor, Tensor>>
        {
            nn.ReLU(),
            nn.ConvTranspose2d(upIn, outerChannels, 4, stride: 2, padding: 1, bias: position == Position.Outermost || bias),
        };
        if (position == Position.Outermost)
        {
            if (OutputActivations.Create(output) is { } act) upLayers.Add(act);
        }
        else NormLayers.AddTo(upLayers, norm, outerChannels);
        if (dropout > 0) upLayers.Add(nn.Dropout(dropout));
        if (position != Position.Outermost) downrelu = nn.LeakyReLU(0.2);
        down = nn.Sequential([.. downLayers]);
        up = nn.Sequential([.. upLayers]);
        if (downrelu is not null) register_module(nameof(downrelu), downrelu);
        register_module(nameof(down), down);
        if (submodule is not null) register_module(nameof(submodule), submodule);
        register_module(nameof(up), up);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        // pix2pix's LeakyReLU is in place, so the skip it concatenates is LeakyReLU(x), not x; kept so
        // that weights trained with pix2pix give the same outputs.
        var x = downrelu is null ? input : ShapeTrace.Run(downrelu, input);
        var h = ShapeTrace.Run(down, x);
        if (submodule is not null) h = ShapeTrace.Run(submodule, h);
        h = ShapeTrace.Run(up, h);
        return scope.MoveToOuter(_position == Position.Outermost ? h : cat([x, h], 1));
    }
}
