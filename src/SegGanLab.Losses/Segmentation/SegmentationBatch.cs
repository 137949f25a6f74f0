using System.Globalization;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses;

/// <summary>
/// Logits and labels after the checks every segmentation loss shares: the mode resolved, shapes
/// fitted, label values in range, and the mask of pixels that count.
/// </summary>
internal sealed class SegmentationBatch
{
    SegmentationBatch(Tensor logits, Tensor labels, Tensor? valid, SegmentationMode mode)
    {
        Logits = logits;
        Labels = labels;
        Valid = valid;
        Mode = mode;
    }

    /// <summary>[N, C, ...] floating point.</summary>
    public Tensor Logits { get; }

    /// <summary>Multiclass: int64 [N, ...] with ignored pixels set to 0. Binary: the logits' dtype and shape [N, 1, ...], ignored pixels 0.</summary>
    public Tensor Labels { get; }

    /// <summary>True where a pixel counts (not the ignore index), shaped as <see cref="Labels"/>; null when nothing is ignored.</summary>
    public Tensor? Valid { get; }

    /// <summary>The resolved mode.</summary>
    public SegmentationMode Mode { get; }

    /// <summary>The number of classes (logit channels; 1 in binary mode).</summary>
    public long Classes => Logits.size(1);

    /// <summary>
    /// Checks and prepares <paramref name="logits"/> and <paramref name="labels"/> for loss
    /// <paramref name="term"/>. Runs in the caller's dispose scope.
    /// </summary>
    /// <exception cref="LossInputException">Naming the shapes and values at fault.</exception>
    public static SegmentationBatch Create(string term, Tensor logits, Tensor labels, SegmentationMode? mode, long? ignoreIndex)
    {
        var shape = logits.shape;
        if (!logits.dtype.IsFloatingPoint() || shape.Length < 2)
            throw new LossInputException($"{term}: logits must be floating-point [N, C, H, W]; got {logits.dtype.ToTorchName()} {Text(shape)}.");
        var channels = shape[1];
        var resolved = mode ?? (channels == 1 ? SegmentationMode.Binary : SegmentationMode.Multiclass);
        if (resolved == SegmentationMode.Binary && channels != 1)
            throw new LossInputException($"{term}: binary mode needs single-channel logits [N, 1, H, W]; got {Text(shape)} with {channels} channels: use multiclass mode, or a model with one output channel.");
        if (resolved == SegmentationMode.Multiclass && channels < 2)
            throw new LossInputException($"{term}: multiclass mode needs logits with two or more class channels; got {Text(shape)}: use binary mode for a single-channel sigmoid output.");

        var spatial = shape.Where((_, k) => k != 1).ToArray();
        var labelShape = labels.shape;
        var fits = labelShape.SequenceEqual(spatial) || (resolved == SegmentationMode.Binary && labelShape.SequenceEqual(shape));
        if (!fits)
            throw new LossInputException($"{term}: logits {Text(shape)} and labels {Text(labelShape)} do not fit: labels must be {Text(spatial)} " +
                                         $"(the logits without the class dimension){(resolved == SegmentationMode.Binary ? $" or {Text(shape)}" : "")}.");

        return resolved == SegmentationMode.Multiclass
            ? Multiclass(term, logits, labels, channels, ignoreIndex)
            : Binary(term, logits, labels, ignoreIndex);
    }

    static SegmentationBatch Multiclass(string term, Tensor logits, Tensor labels, long classes, long? ignoreIndex)
    {
        if (labels.dtype.IsFloatingPoint() || labels.dtype == ScalarType.Bool)
            throw new LossInputException($"{term}: multiclass labels must be integer class indices; got {labels.dtype.ToTorchName()} {Text(labels.shape)}.");
        var indices = labels.to(ScalarType.Int64);
        var valid = ignoreIndex is { } ignore ? indices.ne(ignore) : null;
        var outside = indices.lt(0) | indices.ge(classes);
        CheckRange(term, indices, valid is null ? outside : outside & valid, $"[0, {classes})", ignoreIndex,
                   $"the logits have {classes} classes: check the model's number of classes, or the dataset's ignore index");
        var safe = valid is null ? indices : indices.masked_fill(valid.logical_not(), 0);
        return new SegmentationBatch(logits, safe, valid, SegmentationMode.Multiclass);
    }

    static SegmentationBatch Binary(string term, Tensor logits, Tensor labels, long? ignoreIndex)
    {
        var values = labels.to(logits.dtype).reshape(logits.shape);
        var valid = ignoreIndex is { } ignore ? values.ne(ignore) : null;
        var outside = values.lt(0) | values.gt(1);
        CheckRange(term, values, valid is null ? outside : outside & valid, "[0, 1]", ignoreIndex,
                   "binary labels are 0 (background) and 1 (foreground): map a 0/255 mask to 0/1 first");
        var safe = valid is null ? values : values.masked_fill(valid.logical_not(), 0);
        return new SegmentationBatch(logits, safe, valid, SegmentationMode.Binary);
    }

    /// <summary>Throws listing the distinct label values that fall outside the range (one device sync when they do not).</summary>
    static void CheckRange(string term, Tensor labels, Tensor bad, string range, long? ignoreIndex, string hint)
    {
        if (!bad.any().item<bool>()) return;
        var offending = labels.masked_select(bad).to(ScalarType.Float64).cpu().data<double>()
            .Distinct().Order().ToArray();
        var shown = string.Join(", ", offending.Take(8).Select(v => v.ToString(CultureInfo.InvariantCulture))) + (offending.Length > 8 ? ", ..." : "");
        var ignored = ignoreIndex is { } i ? $"the ignore index ({i})" : "an ignore index (none is set)";
        throw new LossInputException($"{term}: label values {shown} in labels {Text(labels.shape)} are outside {range} and are not {ignored}; {hint}.");
    }

    internal static string Text(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
