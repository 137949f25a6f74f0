using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>How a decoder doubles the resolution.</summary>
public enum Upsampling
{
    /// <summary>A learned 2x2 transposed convolution with stride 2 (Ronneberger et al.).</summary>
    Transposed,
    /// <summary>Bilinear x2 then a 3x3 convolution (no checkerboard artefacts; Odena et al. 2016).</summary>
    Bilinear,
}

/// <summary>
/// U-Net (Ronneberger et al. 2015) with same-padded convolutions, so the output has the input's size:
/// <c>depth</c> levels of two 3x3 conv-norm-ReLU units and a 2x2 max pooling, a bottleneck, and a
/// mirrored decoder that upsamples, concatenates the encoder's features of the same level and
/// applies two units; a 1x1 convolution gives the class logits. Widths double per level from
/// <c>baseWidth</c>. Dropout, when set, follows the bottleneck ("at the end of the contracting path").
/// </summary>
public sealed class UNet : SegmentationModel
{
    readonly ModuleList<Sequential> encoder, decoder;
    readonly ModuleList<nn.Module<Tensor, Tensor>> upsample;
    readonly MaxPool2d pool;
    readonly Dropout? dropout;
    readonly Conv2d head;
    readonly nn.Module<Tensor, Tensor>? activation;

    /// <summary>Builds the network; see <see cref="Models.UNet"/> for the options.</summary>
    public UNet(long inChannels, long numClasses, int depth, long baseWidth, Upsampling upsampling, NormKind norm, double dropout, OutputActivation output)
        : base(nameof(UNet), inChannels, numClasses)
    {
        Require.InRange(nameof(UNet), nameof(depth), depth, 1, 8);
        Require.Positive(nameof(UNet), nameof(baseWidth), baseWidth);
        Require.Probability(nameof(UNet), nameof(dropout), dropout);
        (Depth, BaseWidth, Upsampling, Norm, Dropout, Output) = (depth, baseWidth, upsampling, norm, dropout, output);
        long Width(int level) => baseWidth << level;
        encoder = nn.ModuleList([.. Enumerable.Range(0, depth + 1).Select(l => ConvBlocks.DoubleConv(l == 0 ? inChannels : Width(l - 1), Width(l), norm))]);
        upsample = nn.ModuleList([.. Enumerable.Range(0, depth).Select(l => Upsampler(Width(l + 1), Width(l), upsampling))]);
        decoder = nn.ModuleList([.. Enumerable.Range(0, depth).Select(l => ConvBlocks.DoubleConv(2 * Width(l), Width(l), norm))]);
        pool = nn.MaxPool2d(2);
        this.dropout = dropout > 0 ? nn.Dropout(dropout) : null;
        head = nn.Conv2d(baseWidth, numClasses, 1);
        activation = OutputActivations.Create(output);
        register_module(nameof(encoder), encoder);
        register_module(nameof(pool), pool);
        if (this.dropout is not null) register_module(nameof(dropout), this.dropout);
        register_module(nameof(upsample), upsample);
        register_module(nameof(decoder), decoder);
        register_module(nameof(head), head);
        if (activation is not null) register_module(nameof(activation), activation);
    }

    /// <summary>Number of poolings.</summary>
    public int Depth { get; }
    /// <summary>Channels of the first level.</summary>
    public long BaseWidth { get; }
    /// <summary>How the decoder upsamples.</summary>
    public Upsampling Upsampling { get; }
    /// <summary>The normalisation after each convolution.</summary>
    public NormKind Norm { get; }
    /// <summary>Dropout probability after the bottleneck (0: none).</summary>
    public double Dropout { get; }
    /// <summary>The output activation.</summary>
    public OutputActivation Output { get; }

    /// <inheritdoc/>
    public override long SizeMultiple => 1L << Depth;
    /// <inheritdoc/>
    public override long MinimumSize => 1L << Depth;
    /// <inheritdoc/>
    protected override string SizeReason => $"{Depth} poolings";

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input)
    {
        using var scope = NewDisposeScope();
        var skips = new Tensor[Depth];
        var x = input;
        for (var level = 0; level < Depth; level++)
        {
            skips[level] = Run(encoder[level], x);
            x = Run(pool, skips[level]);
        }
        x = Run(encoder[Depth], x);
        if (dropout is not null) x = Run(dropout, x);
        for (var level = Depth - 1; level >= 0; level--)
            x = Run(decoder[level], cat([skips[level], Run(upsample[level], x)], 1));
        x = Run(head, x);
        if (activation is not null) x = Run(activation, x);
        return scope.MoveToOuter(x);
    }

    static nn.Module<Tensor, Tensor> Upsampler(long inChannels, long outChannels, Upsampling kind) => kind switch
    {
        Upsampling.Transposed => nn.ConvTranspose2d(inChannels, outChannels, 2, stride: 2),
        Upsampling.Bilinear => nn.Sequential(nn.Upsample(2.0, UpsampleMode.Bilinear, align_corners: false), nn.Conv2d(inChannels, outChannels, 3, padding: 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown upsampling"),
    };
}
