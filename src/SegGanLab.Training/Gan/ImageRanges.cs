using SegGanLab.Data;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// Moves images between the loader's normalisation (ImageNet statistics by default) and the
/// [-1, 1] range of tanh generators and pix2pix-style discriminators.
/// </summary>
internal static class ImageRanges
{
    /// <summary>Normalised images [N, 3, H, W] as values in [-1, 1].</summary>
    public static Tensor ToSymmetric(Tensor images, Normalization normalization)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(normalization.Denormalize(images) * 2 - 1);
    }

    /// <summary>Images in [-1, 1] normalised as the loader would have (x/2 + 1/2 - mean) / std.</summary>
    public static Tensor FromSymmetric(Tensor images, Normalization normalization)
    {
        using var scope = NewDisposeScope();
        var mean = tensor(normalization.Mean.ToArray(), [1, 3, 1, 1], images.device).to(images.dtype);
        var std = tensor(normalization.Std.ToArray(), [1, 3, 1, 1], images.device).to(images.dtype);
        return scope.MoveToOuter(((images + 1) / 2 - mean) / std);
    }
}
