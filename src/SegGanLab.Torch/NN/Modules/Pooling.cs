using static SegGanLab.Torch.torch.nn;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Modules;

/// <summary>2-D max pooling (stride defaults to the kernel size).</summary>
public sealed class MaxPool2d : Module<Tensor, Tensor>
{
#pragma warning disable CS1591
    public (long, long) kernel_size { get; }
    public (long, long) stride { get; }
    public (long, long) padding { get; }
    public (long, long) dilation { get; }
    public bool ceil_mode { get; }
#pragma warning restore CS1591

    internal MaxPool2d((long, long) kernel, (long, long)? stride, (long, long) padding, (long, long) dilation, bool ceilMode) : base(nameof(MaxPool2d)) =>
        (kernel_size, this.stride, this.padding, this.dilation, ceil_mode) = (kernel, stride ?? kernel, padding, dilation, ceilMode);

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);

    /// <summary>Pools and also returns the flat index of each maximum (SegNet's decoder unpools with them).</summary>
    public (Tensor output, Tensor indices) forward_with_indices(Tensor input) => F.max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode);

    /// <inheritdoc/>
    public override string extra_repr() => $"kernel_size={kernel_size}, stride={stride}, padding={padding}, dilation={dilation}, ceil_mode={ceil_mode}";
}

/// <summary>Inverse of <see cref="MaxPool2d"/>: puts values back at the pooled positions, zeros elsewhere.</summary>
public sealed class MaxUnpool2d : Module<Tensor, Tensor, Tensor>
{
#pragma warning disable CS1591
    public (long, long) kernel_size { get; }
    public (long, long) stride { get; }
    public (long, long) padding { get; }
#pragma warning restore CS1591

    internal MaxUnpool2d((long, long) kernel, (long, long)? stride, (long, long) padding) : base(nameof(MaxUnpool2d)) =>
        (kernel_size, this.stride, this.padding) = (kernel, stride ?? kernel, padding);

    /// <summary>Unpools to the size implied by kernel, stride and padding.</summary>
    public override Tensor forward(Tensor input, Tensor indices)
    {
        var s = input.shape;
        return forward(input, indices, ((s[^2] - 1) * stride.Item1 - 2 * padding.Item1 + kernel_size.Item1,
                                        (s[^1] - 1) * stride.Item2 - 2 * padding.Item2 + kernel_size.Item2));
    }

    /// <summary>Unpools to an explicit size (needed when the pooled input had odd sizes).</summary>
    public Tensor forward(Tensor input, Tensor indices, (long, long) output_size) => F.max_unpool2d(input, indices, output_size);

    /// <inheritdoc/>
    public override string extra_repr() => $"kernel_size={kernel_size}, stride={stride}, padding={padding}";
}

/// <summary>2-D average pooling.</summary>
public sealed class AvgPool2d : Module<Tensor, Tensor>
{
#pragma warning disable CS1591
    public (long, long) kernel_size { get; }
    public (long, long) stride { get; }
    public (long, long) padding { get; }
    public bool ceil_mode { get; }
    public bool count_include_pad { get; }
#pragma warning restore CS1591

    internal AvgPool2d((long, long) kernel, (long, long)? stride, (long, long) padding, bool ceilMode, bool countIncludePad) : base(nameof(AvgPool2d)) =>
        (kernel_size, this.stride, this.padding, ceil_mode, count_include_pad) = (kernel, stride ?? kernel, padding, ceilMode, countIncludePad);

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad);

    /// <inheritdoc/>
    public override string extra_repr() => $"kernel_size={kernel_size}, stride={stride}, padding={padding}";
}

/// <summary>Average pooling to a fixed output size.</summary>
public sealed class AdaptiveAvgPool2d : Module<Tensor, Tensor>
{
    /// <summary>Output (height, width).</summary>
    public (long, long) output_size { get; }

    internal AdaptiveAvgPool2d((long, long) size) : base(nameof(AdaptiveAvgPool2d)) => output_size = size;

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.adaptive_avg_pool2d(input, output_size);

    /// <inheritdoc/>
    public override string extra_repr() => $"output_size={output_size}";
}

/// <summary>Resamples by a size or a scale factor (nearest for masks, bilinear for images and features).</summary>
public sealed class Upsample : Module<Tensor, Tensor>
{
#pragma warning disable CS1591
    public (long, long)? size { get; }
    public (double, double)? scale_factor { get; }
    public UpsampleMode mode { get; }
    public bool? align_corners { get; }
#pragma warning restore CS1591

    internal Upsample((long, long)? size, (double, double)? scale, UpsampleMode mode, bool? alignCorners) : base(nameof(Upsample))
    {
        if (size is null == scale is null) throw new ArgumentException("Upsample needs exactly one of size or scale_factor.");
        (this.size, scale_factor, this.mode, align_corners) = (size, scale, mode, alignCorners);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.interpolate(input, size, scale_factor, mode, align_corners);

    /// <inheritdoc/>
    public override string extra_repr() =>
        (size is { } s ? $"size={s}" : $"scale_factor={scale_factor}") + $", mode='{mode.ToString().ToLowerInvariant()}'" +
        (align_corners is { } a ? $", align_corners={a}" : "");
}
