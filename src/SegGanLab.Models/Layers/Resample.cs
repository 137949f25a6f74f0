using SegGanLab.Torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Models;

/// <summary>The bilinear resampling the decoders and heads use to line feature maps up.</summary>
internal static class Resample
{
    /// <summary>Bilinear resampling of <paramref name="x"/> to <paramref name="like"/>'s height and width (align_corners false, PyTorch's default).</summary>
    internal static Tensor Like(Tensor x, Tensor like)
    {
        var s = like.shape;
        return F.interpolate(x, (s[2], s[3]), mode: UpsampleMode.Bilinear, align_corners: false);
    }
}
