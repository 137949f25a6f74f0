using System.Globalization;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Metrics;

/// <summary>
/// A streaming confusion matrix (rows: ground truth, columns: prediction), accumulated on the
/// device of the tensors it is given with one <c>bincount</c> per update and merged across batches
/// and across instances. It is the single source of every segmentation metric
/// (<see cref="Compute"/>): per-class IoU, accuracy (recall), Dice (F1) and precision; mIoU, mAcc,
/// aAcc, mDice and frequency-weighted IoU.
/// </summary>
/// <remarks>
/// <para>Pixels labelled with the ignore index are not counted. In binary mode (<see cref="Binary"/>)
/// predictions are single-channel logits, thresholded on their sigmoid.</para>
/// <para>Undefined metrics are NaN and left out of the means: IoU and Dice of a class absent from both
/// prediction and ground truth, accuracy (recall) of a class absent from the ground truth, precision
/// of a class never predicted. A class that is predicted but absent from the ground truth has IoU 0
/// and pulls mIoU down, as in mmsegmentation. AdvSemiSeg's evaluation instead drops every class with
/// zero intersection (TP = 0) from mIoU, which also hides classes the model misses entirely; its
/// numbers are therefore higher or equal (docs/metrics.md).</para>
/// </remarks>
public sealed partial class ConfusionMatrix : IDisposable
{
    Tensor? _counts;   // int64 [C, C] on the device of the first update

    /// <summary>A matrix for <paramref name="numClasses"/> classes, predictions given as class scores [N, C, ...] or indices.</summary>
    /// <param name="numClasses">The number of classes (2 or more).</param>
    /// <param name="ignoreIndex">The label of pixels to leave out (255, CamVid's 11), or null.</param>
    /// <param name="classNames">One name per class, or null for "0", "1", ...</param>
    /// <exception cref="ArgumentException">When the class count or the names do not fit.</exception>
    public ConfusionMatrix(int numClasses, long? ignoreIndex = null, IReadOnlyList<string>? classNames = null)
        : this(numClasses, ignoreIndex, classNames, binary: false, threshold: 0.5) { }

    ConfusionMatrix(int numClasses, long? ignoreIndex, IReadOnlyList<string>? classNames, bool binary, double threshold)
    {
        if (numClasses < 2) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "a confusion matrix needs at least 2 classes; use ConfusionMatrix.Binary for a single-channel sigmoid output");
        if (classNames is not null && classNames.Count != numClasses)
            throw new ArgumentException($"{classNames.Count} class names for {numClasses} classes: give one name per class.", nameof(classNames));
        NumClasses = numClasses;
        IgnoreIndex = ignoreIndex;
        ClassNames = classNames?.ToArray() ?? Enumerable.Range(0, numClasses).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        IsBinary = binary;
        Threshold = threshold;
    }

    /// <summary>
    /// A two-class matrix for single-channel logits (membrane segmentation): a pixel is foreground when
    /// sigmoid(logit) &gt; <paramref name="threshold"/>; labels are 0 (background) and 1 (foreground).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the threshold is not in (0, 1).</exception>
    public static ConfusionMatrix Binary(double threshold = 0.5, long? ignoreIndex = null, IReadOnlyList<string>? classNames = null)
    {
        if (!(threshold > 0 && threshold < 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the probability threshold must be in (0, 1)");
        return new(2, ignoreIndex, classNames ?? ["background", "foreground"], binary: true, threshold);
    }

    /// <summary>The number of classes.</summary>
    public int NumClasses { get; }
    /// <summary>The ignored label, or null.</summary>
    public long? IgnoreIndex { get; }
    /// <summary>One name per class.</summary>
    public IReadOnlyList<string> ClassNames { get; }
    /// <summary>True for single-channel logits thresholded on their sigmoid.</summary>
    public bool IsBinary { get; }
    /// <summary>The probability threshold of binary mode.</summary>
    public double Threshold { get; }

    /// <summary>
    /// Adds a batch. <paramref name="prediction"/>: class scores or logits [N, C, H, W] (argmax), class
    /// indices shaped as the target, or in binary mode logits [N, 1, H, W] / [N, H, W].
    /// <paramref name="target"/>: integer labels [N, H, W] (binary mode also [N, 1, H, W]). Runs in a
    /// dispose scope on the tensors' device; one device synchronisation for the label check.
    /// </summary>
    /// <exception cref="MetricInputException">When shapes, classes or label values do not fit.</exception>
    public void Update(Tensor prediction, Tensor target)
    {
        using var scope = NewDisposeScope();
        var predicted = PredictedLabels(prediction, target).reshape(-1);
        var truth = target.to(ScalarType.Int64).reshape(-1);
        var c = (long)NumClasses;
        var valid = IgnoreIndex is { } ignore ? truth.ne(ignore) : ones_like(truth).to(ScalarType.Bool);
        var badTruth = (truth.lt(0) | truth.ge(c)) & valid;
        var badPrediction = predicted.lt(0) | predicted.ge(c);
        var anyBad = stack([badTruth.any(), badPrediction.any()]).cpu().data<bool>();   // one synchronisation
        if (anyBad[0]) throw OutOfRange("target", truth, badTruth, target.shape);
        if (anyBad[1]) throw OutOfRange("prediction", predicted, badPrediction, prediction.shape);
        // Ignored pixels go to an extra bin past the C×C matrix, so nothing is masked out (no dynamic shapes).
        var index = (truth * c + predicted).masked_fill(valid.logical_not(), c * c);
        var counts = index.bincount(minlength: c * c + 1).narrow(0, 0, c * c).reshape(c, c);
        if (_counts is null) _counts = counts.clone().DetachFromDisposeScope();
        else _counts.add_(counts.to(_counts.device));
    }

    /// <summary>Adds another matrix's counts (another batch stream, another worker).</summary>
    /// <exception cref="ArgumentException">When the class counts, ignore index or mode differ.</exception>
    public void Merge(ConfusionMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.NumClasses != NumClasses || other.IgnoreIndex != IgnoreIndex || other.IsBinary != IsBinary)
            throw new ArgumentException($"cannot merge a confusion matrix of {other.NumClasses} classes (ignore {other.IgnoreIndex?.ToString(CultureInfo.InvariantCulture) ?? "none"}) " +
                                        $"into one of {NumClasses} classes (ignore {IgnoreIndex?.ToString(CultureInfo.InvariantCulture) ?? "none"}).", nameof(other));
        if (other._counts is null) return;
        using var scope = NewDisposeScope();
        if (_counts is null) _counts = other._counts.clone().DetachFromDisposeScope();
        else _counts.add_(other._counts.to(_counts.device));
    }

    /// <summary>Forgets every count.</summary>
    public void Reset()
    {
        _counts?.Dispose();
        _counts = null;
    }

    /// <summary>The counts, [ground truth, prediction], copied to the host.</summary>
    public long[,] Counts
    {
        get
        {
            var n = NumClasses;
            var result = new long[n, n];
            if (_counts is null) return result;
            using var host = _counts.cpu();
            var flat = host.data<long>();
            for (var k = 0; k < flat.Length; k++) result[k / n, k % n] = flat[k];
            return result;
        }
    }

    /// <summary>Every metric, computed from the counts.</summary>
    public SegmentationScores Compute() => SegmentationScores.FromCounts(Counts, ClassNames);

    /// <summary>Frees the counts tensor.</summary>
    public void Dispose() => Reset();
}
