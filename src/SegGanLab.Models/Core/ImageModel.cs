using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// The base of every model that maps an image batch [N, C_in, H, W] to a dense map [N, C_out, h, w]:
/// segmenters, image generators and discriminators. It owns the shared input checks (rank, channel
/// count, dtype, minimum size, size multiple), whose messages say how to fix the input, the
/// parameter count and the printable summary. <see cref="forward"/> checks, then runs
/// <see cref="ForwardChecked"/>.
/// </summary>
public abstract class ImageModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates a model named <paramref name="name"/> (its type name in printouts and errors).</summary>
    protected ImageModel(string name, long inChannels, long outChannels) : base(name)
    {
        Require.Positive(name, "inChannels", inChannels);
        Require.Positive(name, "outChannels", outChannels);
        InChannels = inChannels;
        OutChannels = outChannels;
    }

    /// <summary>Channels of the input batch.</summary>
    public long InChannels { get; }

    /// <summary>Channels of the output map (classes for a segmenter, image channels for a generator, 1 for a discriminator).</summary>
    public long OutChannels { get; }

    /// <summary>Height and width must be multiples of this (1: any size).</summary>
    public virtual long SizeMultiple => 1;

    /// <summary>The smallest height and width the model accepts.</summary>
    public virtual long MinimumSize => 1;

    /// <summary>What <see cref="MinimumSize"/> comes from, for error messages ("4 poolings", "3 layers").</summary>
    protected virtual string SizeReason => "";

    /// <summary>Parameter elements (all of them, trainable or not).</summary>
    public long ParameterCount => parameter_count();

    /// <summary>Checks <paramref name="input"/>, then computes the output.</summary>
    public sealed override Tensor forward(Tensor input)
    {
        CheckInput(input);
        var output = ForwardChecked(input);
        ShapeTrace.Record(this, output);
        return output;
    }

    /// <summary>The computation, on an input that passed <see cref="CheckInput"/>.</summary>
    protected abstract Tensor ForwardChecked(Tensor input);

    /// <summary>
    /// Throws <see cref="ModelInputException"/> unless <paramref name="input"/> is a floating-point
    /// [N, InChannels, H, W] batch with H and W at least <see cref="MinimumSize"/> and multiples of
    /// <see cref="SizeMultiple"/>.
    /// </summary>
    public void CheckInput(Tensor input)
    {
        var shape = input.shape;
        CheckShape(shape);
        if (!input.dtype.IsFloatingPoint())
            throw Error(shape, $"expects a floating-point batch; got {input.dtype.ToTorchName()} {Describe(shape)}: convert it with .to(ScalarType.Float32) (and scale images to the range the model expects).");
    }

    /// <summary>The shape part of <see cref="CheckInput"/>: rank, channels, size.</summary>
    public virtual void CheckShape(long[] shape)
    {
        if (shape.Length != 4)
        {
            var fix = shape.Length == 3 ? ": add a batch dimension with unsqueeze(0)" : "";
            throw Error(shape, $"expects a 4-D batch [N, C, H, W] with C = {InChannels}; got {Describe(shape)}{fix}.");
        }
        if (shape[1] != InChannels)
            throw Error(shape, $"expects {InChannels} input channel{(InChannels == 1 ? "" : "s")}; got {shape[1]} in {Describe(shape)}: {ChannelFix(shape[1])}.");
        CheckSize(shape, shape[2], shape[3]);
    }

    /// <summary>How to fix a wrong channel count; derived classes name their own options.</summary>
    protected virtual string ChannelFix(long got) => $"convert the images or create the model with inChannels: {got}";

    /// <summary>Checks height and width against <see cref="MinimumSize"/> and <see cref="SizeMultiple"/>.</summary>
    protected void CheckSize(long[] shape, long height, long width)
    {
        if (height < MinimumSize || width < MinimumSize)
        {
            var why = SizeReason.Length > 0 ? $" ({SizeReason})" : "";
            throw Error(shape, $"needs height and width of at least {MinimumSize}{why}; got {height}x{width}: resize or pad to at least {Math.Max(height, MinimumSize)}x{Math.Max(width, MinimumSize)}.");
        }
        var m = SizeMultiple;
        if (height % m != 0 || width % m != 0)
            throw Error(shape, $"height and width must be multiples of {m}; got {height}x{width}: pad or resize to {RoundUp(height, m)}x{RoundUp(width, m)}.");
    }

    /// <summary>A <see cref="ModelInputException"/> whose message starts with this model's name.</summary>
    protected ModelInputException Error(long[] shape, string message) => new(Name, shape, $"{Name}: {message}");

    /// <summary>Runs a child module, recording its output shape when a summary is traced.</summary>
    protected static Tensor Run(nn.Module<Tensor, Tensor> module, Tensor input) => ShapeTrace.Run(module, input);

    /// <summary>
    /// The module tree with each module's output shape for a [<paramref name="batch"/>, InChannels,
    /// <paramref name="height"/>, <paramref name="width"/>] input, and parameter counts, down to
    /// <paramref name="depth"/> levels (torchinfo's default is 3).
    /// </summary>
    public ModelSummary Summary(long height, long width, long batch = 1, int depth = 3)
    {
        long[] shape = [batch, InChannels, height, width];
        CheckShape(shape);
        return ModelSummary.Trace(this, shape, x => [forward(x)], depth);
    }

    static long RoundUp(long v, long m) => (v + m - 1) / m * m;

    internal static string Describe(long[] shape) => ModelSummary.Format(shape);
}
