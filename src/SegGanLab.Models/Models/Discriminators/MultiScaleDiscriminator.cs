using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Models;

/// <summary>
/// pix2pixHD's multi-scale discriminator: the same architecture (separate weights) at 2-3 scales,
/// the input halved between scales by a 3x3 stride-2 average pooling (padding 1, padding not counted).
/// <see cref="ForwardScales(Tensor)"/> returns each scale's logits (finest first) for losses that average
/// per scale, as pix2pixHD does; <see cref="ImageModel.forward"/> returns them flattened and concatenated,
/// [N, P].
/// </summary>
public sealed class MultiScaleDiscriminator : Discriminator
{
    readonly ModuleList<Discriminator> scales;

    /// <summary>Wraps one discriminator per scale; all must take the same image and label channels.</summary>
    public MultiScaleDiscriminator(IReadOnlyList<Discriminator> discriminators)
        : base(nameof(MultiScaleDiscriminator), First(discriminators).ImageChannels, First(discriminators).LabelChannels)
    {
        foreach (var d in discriminators)
            if (d.ImageChannels != ImageChannels || d.LabelChannels != LabelChannels || d is MultiScaleDiscriminator)
                throw new ModelOptionsException("discriminators",
                    $"MultiScaleDiscriminator: every scale needs a single-scale discriminator with the same channels ({ImageChannels} image + {LabelChannels} label); got {d.Name} with {d.ImageChannels} + {d.LabelChannels}.");
        scales = nn.ModuleList([.. discriminators]);
        register_module(nameof(scales), scales);
    }

    /// <summary>The discriminators, finest scale first.</summary>
    public IReadOnlyList<Discriminator> Scales => scales;

    /// <inheritdoc/>
    public override long MinimumSize
    {
        get
        {
            // Scale k sees ceil(size / 2^k); the smallest input whose every scale is large enough.
            long size = 1;
            for (var k = 0; k < scales.Count; k++) size = Math.Max(size, ((scales[k].MinimumSize - 1) << k) + 1);
            return size;
        }
    }

    /// <inheritdoc/>
    protected override string SizeReason => $"{scales.Count} scales of {scales[0].Name}";

    /// <inheritdoc/>
    public override IReadOnlyList<Tensor> ForwardScales(Tensor input)
    {
        CheckInput(input);
        return Scaled(input);
    }

    /// <inheritdoc/>
    protected override Tensor ForwardChecked(Tensor input)
    {
        using var scope = NewDisposeScope();
        var flat = Scaled(input).Select(o => o.flatten(1)).ToList();
        return scope.MoveToOuter(cat(flat, 1));
    }

    List<Tensor> Scaled(Tensor input)
    {
        var outputs = new List<Tensor>();
        using var scope = NewDisposeScope();
        var x = input;
        for (var k = 0; k < scales.Count; k++)
        {
            if (k > 0) x = F.avg_pool2d(x, (3, 3), (2, 2), (1, 1), count_include_pad: false);
            outputs.Add(scope.MoveToOuter(scales[k].forward(x)));
        }
        return outputs;
    }

    static Discriminator First(IReadOnlyList<Discriminator> discriminators) =>
        discriminators.Count is >= 1 and <= 4
            ? discriminators[0]
            : throw new ModelOptionsException("scales", $"MultiScaleDiscriminator: needs 1 to 4 scales; got {discriminators.Count}.");
}
