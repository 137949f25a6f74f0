using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// A GAN discriminator over label maps, optionally conditioned on the image: its input is the image
/// ([N, ImageChannels, H, W], none when unconditional) and the map it judges ([N, LabelChannels, H, W]:
/// a mask as one-hot or class probabilities, or a generated image) concatenated along channels, and
/// its output is real/fake logits, one per patch or per pixel. <see cref="CheckCompatible"/> lets the
/// training layer check a generator against it before any step runs.
/// </summary>
public abstract class Discriminator : ImageModel
{
    /// <summary>Creates a discriminator taking <paramref name="imageChannels"/> + <paramref name="labelChannels"/> channels.</summary>
    protected Discriminator(string name, long imageChannels, long labelChannels) : base(name, Checked(name, imageChannels) + labelChannels, 1)
    {
        Require.Positive(name, "labelChannels", labelChannels);
        ImageChannels = imageChannels;
        LabelChannels = labelChannels;
    }

    /// <summary>Channels of the conditioning image (0: unconditional, as Hung et al.'s discriminator).</summary>
    public long ImageChannels { get; }

    /// <summary>Channels of the judged map: the classes of a mask or probability map, or a generated image's channels.</summary>
    public long LabelChannels { get; }

    /// <summary>Judges <paramref name="labels"/> given <paramref name="image"/> (null for an unconditional discriminator).</summary>
    public Tensor forward(Tensor? image, Tensor labels)
    {
        using var joint = Joint(image, labels);
        return forward(joint);
    }

    /// <summary><see cref="ForwardScales(Tensor)"/> on the image and label map.</summary>
    public IReadOnlyList<Tensor> ForwardScales(Tensor? image, Tensor labels)
    {
        using var joint = Joint(image, labels);
        return ForwardScales(joint);
    }

    /// <summary>Checks the pair and concatenates it along channels (a new handle to the labels when unconditional).</summary>
    Tensor Joint(Tensor? image, Tensor labels)
    {
        var l = labels.shape;
        if (l.Length != 4 || l[1] != LabelChannels)
            throw Error(l, $"judges label maps [N, {LabelChannels}, H, W] (one channel per class: one-hot or probabilities); got {Describe(l)}: " +
                           $"create the discriminator with labelChannels: {(l.Length == 4 ? l[1] : LabelChannels)} or pass the matching map.");
        if (ImageChannels == 0)
        {
            if (image is not null)
                throw Error(image.shape, "is unconditional (imageChannels: 0) but was given an image: pass null, or create it with imageChannels set to the image's channels.");
            return labels.alias();
        }
        if (image is null)
            throw Error(l, $"is conditioned on an image with {ImageChannels} channels but was given none: pass the image, or create it with imageChannels: 0.");
        var i = image.shape;
        if (i.Length != 4 || i[1] != ImageChannels || i[0] != l[0] || i[2] != l[2] || i[3] != l[3])
            throw Error(i, $"needs an image [{l[0]}, {ImageChannels}, {l[2]}, {l[3]}] to go with labels {Describe(l)}; got {Describe(i)}: " +
                           "resize the image to the label map's size, or create the discriminator with the image's channel count.");
        return cat([image, labels], 1);
    }

    /// <summary>
    /// The logits at every scale the discriminator judges: one tensor for a single-scale
    /// discriminator, one per scale (finest first) for <see cref="MultiScaleDiscriminator"/>.
    /// Adversarial losses average over scales, as pix2pixHD does.
    /// </summary>
    public virtual IReadOnlyList<Tensor> ForwardScales(Tensor input) => [forward(input)];

    /// <summary>
    /// Throws <see cref="ModelCompatibilityException"/> unless <paramref name="generator"/>'s output can
    /// be judged here: its output channels must equal <see cref="LabelChannels"/> and, when conditional,
    /// its input channels <see cref="ImageChannels"/>.
    /// </summary>
    public void CheckCompatible(ImageModel generator)
    {
        if (generator.OutChannels != LabelChannels)
            throw new ModelCompatibilityException(
                $"{Name} judges label maps with {LabelChannels} channels, but the generator {generator.Name} produces {generator.OutChannels}: " +
                $"create the discriminator with labelChannels: {generator.OutChannels}.");
        if (ImageChannels > 0 && generator.InChannels != ImageChannels)
            throw new ModelCompatibilityException(
                $"{Name} is conditioned on images with {ImageChannels} channels, but the generator {generator.Name} takes {generator.InChannels}: " +
                $"create the discriminator with imageChannels: {generator.InChannels}.");
    }

    /// <inheritdoc/>
    protected override string ChannelFix(long got) =>
        ImageChannels == 0
            ? $"create it with labelChannels: {got}"
            : $"it takes the image ({ImageChannels} channels) and the label map ({LabelChannels} channels) concatenated; use forward(image, labels), or create it with imageChannels and labelChannels that add up to {got}";

    static long Checked(string name, long imageChannels)
    {
        if (imageChannels < 0) throw new ModelOptionsException("imageChannels", $"{name}: imageChannels must be 0 (unconditional) or more; got {imageChannels}.");
        return imageChannels;
    }
}
