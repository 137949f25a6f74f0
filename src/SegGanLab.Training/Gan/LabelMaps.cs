using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Training;

/// <summary>
/// Label maps as discriminators see them: class probabilities from logits (softmax, or sigmoid for a
/// single-channel binary head), one-hot ground truth with ignored pixels all zero, and hard
/// predictions. One channel means binary throughout: the map is the foreground probability.
/// </summary>
internal static class LabelMaps
{
    /// <summary>softmax over classes, or sigmoid for one channel: [N, C, H, W].</summary>
    public static Tensor Probabilities(Tensor logits) => logits.size(1) == 1 ? logits.sigmoid() : F.softmax(logits, 1);

    /// <summary>The predicted labels [N, H, W] (int64): argmax, or logit &gt; 0 for one channel.</summary>
    public static Tensor Predicted(Tensor logits)
    {
        if (logits.size(1) != 1) return logits.argmax(1);
        using var positive = logits.squeeze(1).gt(0);
        return positive.to(ScalarType.Int64);
    }

    /// <summary>1 where the label is not <paramref name="ignoreIndex"/>, else 0: [N, 1, H, W] of <paramref name="dtype"/>.</summary>
    public static Tensor Valid(Tensor labels, long ignoreIndex, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(labels.ne(ignoreIndex).unsqueeze(1).to(dtype));
    }

    /// <summary>
    /// The ground truth as a map of <paramref name="channels"/> channels [N, C, H, W]: one-hot, or
    /// the 0/1 labels themselves for one channel; ignored pixels are all zero, so they carry no
    /// signal a discriminator could learn from when the prediction is masked the same way.
    /// </summary>
    public static Tensor OneHot(Tensor labels, long channels, long ignoreIndex, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var valid = labels.ne(ignoreIndex);
        var safe = labels.masked_fill(valid.logical_not(), 0);
        var map = channels == 1
            ? safe.unsqueeze(1).to(dtype)
            : F.one_hot(safe, channels).permute(0, 3, 1, 2).to(dtype);
        return scope.MoveToOuter(map * valid.unsqueeze(1).to(dtype));
    }
}
