using SegGanLab.Models;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// How the adversarial recipe shows label maps to its discriminator: the three encodings of Luc et
/// al. 2016 (arXiv 1611.08408, sec. 3.2).
/// </summary>
public enum LabelEncoding
{
    /// <summary>"basic": the one-hot ground truth (real) or the class probabilities (fake), next to the image when the discriminator is conditional.</summary>
    Basic,

    /// <summary>
    /// "scaling": the real map is the one-hot ground truth softened toward the prediction, so the
    /// discriminator cannot win by spotting exact 0/1 values: the true class gets max(τ, s_l) and the
    /// others share the rest in proportion to the prediction (τ = <see cref="AdversarialRecipeOptions.ScalingThreshold"/>).
    /// </summary>
    Scaling,

    /// <summary>"product": the image multiplied by each class map, 3C channels for C classes; the discriminator is unconditional (imageChannels: 0, labelChannels: 3C).</summary>
    Product,
}

/// <summary>Builds the discriminator's real and fake inputs for a <see cref="LabelEncoding"/> and checks that the discriminator fits them.</summary>
internal static class LabelEncoder
{
    /// <summary>
    /// Throws <see cref="ModelCompatibilityException"/> unless <paramref name="discriminator"/> takes what
    /// <paramref name="encoding"/> gives it for <paramref name="segmenter"/>'s maps.
    /// </summary>
    public static void Check(Discriminator discriminator, SegmentationModel segmenter, LabelEncoding encoding)
    {
        if (encoding != LabelEncoding.Product)
        {
            discriminator.CheckCompatible(segmenter);
            return;
        }
        var channels = segmenter.InChannels * segmenter.NumClasses;
        if (discriminator.ImageChannels != 0 || discriminator.LabelChannels != channels)
            throw new ModelCompatibilityException(
                $"the \"product\" label encoding shows the discriminator the image ({segmenter.InChannels} channels) multiplied by each of the {segmenter.NumClasses} class maps, " +
                $"{channels} channels and no separate image, but {discriminator.Name} takes {discriminator.ImageChannels} image + {discriminator.LabelChannels} label channels: " +
                $"create it with imageChannels: 0, labelChannels: {channels}.");
    }

    /// <summary>
    /// The real label map: the one-hot ground truth, or for "scaling" the ground truth softened toward
    /// the (detached) prediction <paramref name="probabilities"/>; ignored pixels stay zero.
    /// </summary>
    public static Tensor Real(Tensor oneHot, Tensor probabilities, Tensor valid, LabelEncoding encoding, double threshold)
    {
        if (encoding != LabelEncoding.Scaling) return oneHot.alias();
        using var scope = NewDisposeScope();
        var s = probabilities.detach();
        Tensor real;
        if (s.size(1) == 1)
        {
            // Two classes (background, foreground): the true one gets max(τ, s), so the foreground
            // probability is max(τ, p) on foreground pixels and min(1 - τ, p) on background ones.
            real = where(oneHot.gt(0.5), s.clamp_min(threshold), s.clamp_max(1 - threshold));
        }
        else
        {
            var trueClass = (s * oneHot).sum(1, keepdim: true);
            var kept = trueClass.clamp_min(threshold);
            // Luc et al.: the other classes share 1 - max(τ, s_l) in proportion to s_c / (1 - s_l).
            var others = s * (1 - kept) / (1 - trueClass).clamp_min(1e-6);
            real = oneHot * kept + (1 - oneHot) * others;
        }
        return scope.MoveToOuter(real * valid);
    }

    /// <summary>What the discriminator judges: the map (fake: the masked probabilities) with the image as <paramref name="encoding"/> and <paramref name="discriminator"/> want it.</summary>
    public static Tensor Input(Discriminator discriminator, Tensor images, Tensor map, LabelEncoding encoding)
    {
        if (encoding == LabelEncoding.Product)
        {
            using var scope = NewDisposeScope();
            // [N, C, 1, H, W] x [N, 1, 3, H, W] -> [N, C*3, H, W]: class c's channels are the image masked by its map.
            var n = images.size(0);
            var product = map.unsqueeze(2) * images.unsqueeze(1);
            return scope.MoveToOuter(product.reshape(n, -1, images.size(2), images.size(3)));
        }
        return discriminator.ImageChannels == 0 ? map.alias() : cat([images, map], 1);
    }
}
