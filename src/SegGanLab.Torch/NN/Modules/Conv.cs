using static SegGanLab.Torch.torch;
using static SegGanLab.Torch.torch.nn;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Modules;

/// <summary>2-D convolution with PyTorch's defaults and initialisation (Kaiming-uniform, a = √5).</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    /// <summary>[out, in/groups, kh, kw].</summary>
    public Parameter weight { get; }
    /// <summary>[out], or null.</summary>
    public Parameter? bias { get; }
#pragma warning disable CS1591
    public long in_channels { get; }
    public long out_channels { get; }
    public (long, long) kernel_size { get; }
    public (long, long) stride { get; }
    public (long, long) padding { get; }
    public (long, long) dilation { get; }
    public long groups { get; }
    public PaddingModes padding_mode { get; }
#pragma warning restore CS1591

    internal Conv2d(long inChannels, long outChannels, (long, long) kernel, (long, long) stride, (long, long) padding, (long, long) dilation,
                    long groups, bool bias, PaddingModes paddingMode, Device? device, ScalarType? dtype) : base(nameof(Conv2d))
    {
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"Conv2d: in_channels ({inChannels}) and out_channels ({outChannels}) must both be divisible by groups ({groups}).");
        (in_channels, out_channels, kernel_size, this.stride, this.padding, this.dilation, this.groups, padding_mode) =
            (inChannels, outChannels, kernel, stride, padding, dilation, groups, paddingMode);
        (weight, this.bias) = DefaultInit.WeightAndBias(this, [outChannels, inChannels / groups, kernel.Item1, kernel.Item2], bias, dtype, device);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (padding_mode == PaddingModes.Constant || padding == (0, 0))
            return F.conv2d(input, weight, bias, stride, padding, dilation, groups);
        // Non-zero padding modes pad explicitly, then convolve without padding (as PyTorch does).
        using var padded = F.pad(input, [padding.Item2, padding.Item2, padding.Item1, padding.Item1], padding_mode);
        return F.conv2d(padded, weight, bias, stride, (0, 0), dilation, groups);
    }

    /// <inheritdoc/>
    public override string extra_repr() =>
        $"{in_channels}, {out_channels}, kernel_size={kernel_size}, stride={stride}" +
        (padding != (0, 0) ? $", padding={padding}" : "") + (dilation != (1, 1) ? $", dilation={dilation}" : "") +
        (groups != 1 ? $", groups={groups}" : "") + (bias is null ? ", bias=False" : "") +
        (padding_mode != PaddingModes.Constant ? $", padding_mode={padding_mode.ToString().ToLowerInvariant()}" : "");
}

/// <summary>2-D transposed convolution ("deconvolution") with PyTorch's defaults and initialisation.</summary>
public sealed class ConvTranspose2d : Module<Tensor, Tensor>
{
    /// <summary>[in, out/groups, kh, kw].</summary>
    public Parameter weight { get; }
    /// <summary>[out], or null.</summary>
    public Parameter? bias { get; }
#pragma warning disable CS1591
    public long in_channels { get; }
    public long out_channels { get; }
    public (long, long) kernel_size { get; }
    public (long, long) stride { get; }
    public (long, long) padding { get; }
    public (long, long) output_padding { get; }
    public (long, long) dilation { get; }
    public long groups { get; }
#pragma warning restore CS1591

    internal ConvTranspose2d(long inChannels, long outChannels, (long, long) kernel, (long, long) stride, (long, long) padding, (long, long) outputPadding,
                             long groups, bool bias, (long, long) dilation, Device? device, ScalarType? dtype) : base(nameof(ConvTranspose2d))
    {
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"ConvTranspose2d: in_channels ({inChannels}) and out_channels ({outChannels}) must both be divisible by groups ({groups}).");
        (in_channels, out_channels, kernel_size, this.stride, this.padding, output_padding, this.groups, this.dilation) =
            (inChannels, outChannels, kernel, stride, padding, outputPadding, groups, dilation);
        // PyTorch's fan_in for this weight layout is dimension 1 (out/groups) times the kernel area.
        (weight, this.bias) = DefaultInit.WeightAndBias(this, [inChannels, outChannels / groups, kernel.Item1, kernel.Item2], bias, dtype, device, biasSize: outChannels);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation);

    /// <inheritdoc/>
    public override string extra_repr() =>
        $"{in_channels}, {out_channels}, kernel_size={kernel_size}, stride={stride}" +
        (padding != (0, 0) ? $", padding={padding}" : "") + (output_padding != (0, 0) ? $", output_padding={output_padding}" : "") +
        (dilation != (1, 1) ? $", dilation={dilation}" : "") + (groups != 1 ? $", groups={groups}" : "") + (bias is null ? ", bias=False" : "");
}

/// <summary>y = x Wᵀ + b with PyTorch's initialisation.</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    /// <summary>[out, in].</summary>
    public Parameter weight { get; }
    /// <summary>[out], or null.</summary>
    public Parameter? bias { get; }
#pragma warning disable CS1591
    public long in_features { get; }
    public long out_features { get; }
#pragma warning restore CS1591

    internal Linear(long inFeatures, long outFeatures, bool bias, Device? device, ScalarType? dtype) : base(nameof(Linear))
    {
        (in_features, out_features) = (inFeatures, outFeatures);
        (weight, this.bias) = DefaultInit.WeightAndBias(this, [outFeatures, inFeatures], bias, dtype, device);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.linear(input, weight, bias);

    /// <inheritdoc/>
    public override string extra_repr() => $"in_features={in_features}, out_features={out_features}, bias={(bias is null ? "False" : "True")}";
}

/// <summary>
/// PyTorch's reset_parameters for convolutions and linear layers: weight ~ Kaiming-uniform with
/// a = √5 (bound 1/√fan_in), bias ~ U(-1/√fan_in, 1/√fan_in), fan_in as init computes it from the weight.
/// </summary>
internal static class DefaultInit
{
    internal static (Parameter weight, Parameter? bias) WeightAndBias(Module owner, long[] weightShape, bool withBias, ScalarType? dtype, Device? device,
                                                                     long? biasSize = null)
    {
        using var w = empty(weightShape, dtype, device);
        var weight = new Parameter(w);
        init.kaiming_uniform_(weight, Math.Sqrt(5));
        owner.register_parameter("weight", weight);
        Parameter? bias = null;
        if (withBias)
        {
            using var b = empty([biasSize ?? weightShape[0]], dtype, device);
            bias = new Parameter(b);
            var fanIn = init.calculate_fan_in_and_fan_out(weight).fanIn;
            var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
            init.uniform_(bias, -bound, bound);
        }
        owner.register_parameter("bias", bias);
        return (weight, bias);
    }
}
