using static SegGanLab.Torch.torch;
using static SegGanLab.Torch.torch.nn;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Modules;

/// <summary>
/// Batch normalisation over [N, C, H, W] with running statistics (PyTorch defaults: eps 1e-5,
/// momentum 0.1, affine, track_running_stats; momentum null = cumulative average).
/// </summary>
public sealed class BatchNorm2d : Module<Tensor, Tensor>
{
#pragma warning disable CS1591
    public Parameter? weight { get; }
    public Parameter? bias { get; }
    public Tensor? running_mean { get; }
    public Tensor? running_var { get; }
    public Tensor? num_batches_tracked { get; }
    public long num_features { get; }
    public double eps { get; }
    public double? momentum { get; }
#pragma warning restore CS1591

    internal BatchNorm2d(long features, double eps, double? momentum, bool affine, bool trackRunningStats, Device? device, ScalarType? dtype)
        : base(nameof(BatchNorm2d))
    {
        (num_features, this.eps, this.momentum) = (features, eps, momentum);
        (weight, bias) = Affine.Create(this, affine, [features], dtype, device);
        if (trackRunningStats)
        {
            running_mean = zeros([features], dtype, device);
            running_var = ones([features], dtype, device);
            num_batches_tracked = zeros([], ScalarType.Int64, device);
        }
        register_buffer(nameof(running_mean), running_mean);
        register_buffer(nameof(running_var), running_var);
        register_buffer(nameof(num_batches_tracked), num_batches_tracked);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4)
            throw new ArgumentException($"BatchNorm2d expects a 4-D input [N, C, H, W], got [{string.Join(", ", input.shape)}].", nameof(input));
        var factor = momentum ?? 0.0;
        if (training && num_batches_tracked is not null)
        {
            num_batches_tracked.add_(1);
            if (momentum is null) factor = 1.0 / num_batches_tracked.item<long>();
        }
        // With running statistics, evaluation uses them; without, batch statistics are used in both modes.
        var useBatchStats = training || running_mean is null;
        return F.batch_norm(input, running_mean, running_var, weight, bias, useBatchStats, factor, eps);
    }

    /// <inheritdoc/>
    public override string extra_repr() =>
        $"{num_features}, eps={eps}, momentum={(momentum?.ToString() ?? "None")}, affine={(weight is not null ? "True" : "False")}, track_running_stats={(running_mean is not null ? "True" : "False")}";
}

/// <summary>Instance normalisation (pix2pix/CycleGAN's "instance" norm); PyTorch defaults: no affine, no running stats.</summary>
public sealed class InstanceNorm2d : Module<Tensor, Tensor>
{
#pragma warning disable CS1591
    public Parameter? weight { get; }
    public Parameter? bias { get; }
    public Tensor? running_mean { get; }
    public Tensor? running_var { get; }
    public long num_features { get; }
    public double eps { get; }
    public double momentum { get; }
#pragma warning restore CS1591

    internal InstanceNorm2d(long features, double eps, double momentum, bool affine, bool trackRunningStats, Device? device, ScalarType? dtype)
        : base(nameof(InstanceNorm2d))
    {
        (num_features, this.eps, this.momentum) = (features, eps, momentum);
        (weight, bias) = Affine.Create(this, affine, [features], dtype, device);
        if (trackRunningStats)
        {
            running_mean = zeros([features], dtype, device);
            running_var = ones([features], dtype, device);
        }
        register_buffer(nameof(running_mean), running_mean);
        register_buffer(nameof(running_var), running_var);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4)
            throw new ArgumentException($"InstanceNorm2d expects a 4-D input [N, C, H, W], got [{string.Join(", ", input.shape)}].", nameof(input));
        return F.instance_norm(input, running_mean, running_var, weight, bias, training || running_mean is null, momentum, eps);
    }

    /// <inheritdoc/>
    public override string extra_repr() =>
        $"{num_features}, eps={eps}, momentum={momentum}, affine={(weight is not null ? "True" : "False")}, track_running_stats={(running_mean is not null ? "True" : "False")}";
}

/// <summary>Group normalisation: channels split into groups normalised together (batch-size independent).</summary>
public sealed class GroupNorm : Module<Tensor, Tensor>
{
#pragma warning disable CS1591
    public Parameter? weight { get; }
    public Parameter? bias { get; }
    public long num_groups { get; }
    public long num_channels { get; }
    public double eps { get; }
#pragma warning restore CS1591

    internal GroupNorm(long groups, long channels, double eps, bool affine, Device? device, ScalarType? dtype) : base(nameof(GroupNorm))
    {
        if (channels % groups != 0) throw new ArgumentException($"GroupNorm: num_channels ({channels}) must be divisible by num_groups ({groups}).");
        (num_groups, num_channels, this.eps) = (groups, channels, eps);
        (weight, bias) = Affine.Create(this, affine, [channels], dtype, device);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.group_norm(input, num_groups, weight, bias, eps);

    /// <inheritdoc/>
    public override string extra_repr() => $"{num_groups}, {num_channels}, eps={eps}, affine={(weight is not null ? "True" : "False")}";
}

/// <summary>Layer normalisation over the trailing dimensions.</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
#pragma warning disable CS1591
    public Parameter? weight { get; }
    public Parameter? bias { get; }
    public long[] normalized_shape { get; }
    public double eps { get; }
#pragma warning restore CS1591

    internal LayerNorm(long[] shape, double eps, bool affine, Device? device, ScalarType? dtype) : base(nameof(LayerNorm))
    {
        (normalized_shape, this.eps) = (shape, eps);
        (weight, bias) = Affine.Create(this, affine, shape, dtype, device);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.layer_norm(input, normalized_shape, weight, bias, eps);

    /// <inheritdoc/>
    public override string extra_repr() => $"({string.Join(", ", normalized_shape)}), eps={eps}, elementwise_affine={(weight is not null ? "True" : "False")}";
}

/// <summary>The optional scale (ones) and shift (zeros) every normalisation layer registers as weight and bias.</summary>
internal static class Affine
{
    internal static (Parameter? weight, Parameter? bias) Create(Module owner, bool affine, long[] shape, ScalarType? dtype, Device? device)
    {
        Parameter? weight = null, bias = null;
        if (affine)
        {
            using var w = ones(shape, dtype, device);
            using var b = zeros(shape, dtype, device);
            weight = new Parameter(w);
            bias = new Parameter(b);
        }
        owner.register_parameter("weight", weight);
        owner.register_parameter("bias", bias);
        return (weight, bias);
    }
}
