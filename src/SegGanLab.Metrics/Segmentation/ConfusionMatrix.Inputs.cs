using SegGanLab.Torch;

namespace SegGanLab.Metrics;

// Reading predictions and checking labels for Update.
public sealed partial class ConfusionMatrix
{
    /// <summary>Predicted class indices from scores (argmax), binary logits (sigmoid > threshold) or indices, checked against the target's shape.</summary>
    Tensor PredictedLabels(Tensor prediction, Tensor target)
    {
        var p = prediction.shape;
        var t = target.shape;
        if (IsBinary)
        {
            var fits = p.SequenceEqual(t) || (t.Length + 1 == p.Length && p[1] == 1 && p.Where((_, k) => k != 1).SequenceEqual(t)) ||
                       (p.Length + 1 == t.Length && t[1] == 1 && t.Where((_, k) => k != 1).SequenceEqual(p));
            if (!fits || !prediction.dtype.IsFloatingPoint())
                throw new MetricInputException($"binary mode needs single-channel logits [N, 1, H, W] or [N, H, W] matching the target; got {prediction.dtype.ToTorchName()} " +
                                               $"{MetricInputException.Text(p)} against target {MetricInputException.Text(t)}.");
            return prediction.sigmoid().gt(Threshold).to(ScalarType.Int64);
        }
        if (prediction.dtype.IsFloatingPoint())
        {
            var spatial = p.Length >= 2 ? p.Where((_, k) => k != 1).ToArray() : p;
            if (p.Length < 2 || p[1] != NumClasses || !spatial.SequenceEqual(t))
                throw new MetricInputException($"class scores {MetricInputException.Text(p)} do not fit target {MetricInputException.Text(t)} with {NumClasses} classes: " +
                                               $"scores must be [N, {NumClasses}, H, W] for a target [N, H, W].");
            return prediction.argmax(1);
        }
        if (!p.SequenceEqual(t))
            throw new MetricInputException($"predicted labels {MetricInputException.Text(p)} and target {MetricInputException.Text(t)} must have the same shape.");
        return prediction.to(ScalarType.Int64);
    }

    MetricInputException OutOfRange(string what, Tensor labels, Tensor bad, long[] shape)
    {
        var values = labels.masked_select(bad).cpu().data<long>().Distinct().Order().ToArray();
        var shown = string.Join(", ", values.Take(8)) + (values.Length > 8 ? ", ..." : "");
        var ignored = IgnoreIndex is { } i ? $"the ignore index ({i})" : "an ignore index (none is set)";
        return new MetricInputException($"{what} values {shown} in {MetricInputException.Text(shape)} are outside [0, {NumClasses}) and are not {ignored}: " +
                                       "check the number of classes and the dataset's ignore index" + (IsBinary ? "; binary labels are 0 and 1 (map a 0/255 mask first)." : "."));
    }
}
