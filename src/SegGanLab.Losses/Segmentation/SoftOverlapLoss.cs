using System.Globalization;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>
/// The soft-overlap losses of segmentation_models.pytorch (Dice, Jaccard, Tversky): per-class soft
/// true positives, false positives and false negatives summed over the batch and the pixels, a
/// score per class, loss = 1 - score (or -log(score) with <c>logLoss</c>), averaged over classes.
/// </summary>
/// <remarks>
/// As in smp: probabilities are softmax (multiclass) or sigmoid (binary) of the logits unless
/// <c>fromLogits</c> is false; ignored pixels are removed from both prediction and target; a class
/// with no target pixel in the batch contributes 0 to the average (its score is undefined); scores
/// are (numerator + smooth) / max(denominator + smooth, eps). With class weights the average is
/// weighted: Σ w_c·loss_c / Σ w_c (equal weights give smp's plain mean).
/// </remarks>
public abstract class SoftOverlapLoss : SegmentationLoss
{
    private protected SoftOverlapLoss(string name, SegmentationMode? mode, bool fromLogits, double smooth, double eps, bool logLoss,
                                      long? ignoreIndex, double[]? classWeights) : base(name, mode, ignoreIndex, classWeights)
    {
        if (!(smooth >= 0) || double.IsInfinity(smooth)) throw new ArgumentOutOfRangeException(nameof(smooth), smooth, "smooth must be finite and non-negative");
        if (!(eps >= 0) || double.IsInfinity(eps)) throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be finite and non-negative");
        (FromLogits, Smooth, Eps, LogLoss) = (fromLogits, smooth, eps, logLoss);
    }

    /// <summary>True: the input is logits (softmax or sigmoid is applied); false: it is already probabilities.</summary>
    public bool FromLogits { get; }
    /// <summary>Added to numerator and denominator of the score.</summary>
    public double Smooth { get; }
    /// <summary>The smallest denominator (and, with <see cref="LogLoss"/>, the smallest score).</summary>
    public double Eps { get; }
    /// <summary>True: loss = -log(score); false: loss = 1 - score.</summary>
    public bool LogLoss { get; }

    private protected override string Options => string.Create(CultureInfo.InvariantCulture,
        $"from_logits: {FromLogits}, smooth: {Smooth}, eps: {Eps}, log_loss: {LogLoss}{ScoreOptions}");

    /// <summary>Options of the score itself (Tversky's alpha, beta, gamma), as ", name: value" text.</summary>
    private protected virtual string ScoreOptions => "";

    /// <summary>The score per class from soft true positives, false positives and false negatives ([C] each).</summary>
    private protected abstract Tensor Score(Tensor tp, Tensor fp, Tensor fn);

    /// <summary>The final loss from the class-averaged loss (Tversky raises it to gamma).</summary>
    private protected virtual Tensor Aggregate(Tensor meanLoss) => meanLoss;

    private protected override Tensor Loss(SegmentationBatch batch)
    {
        var logits = batch.Logits;
        var n = logits.size(0);
        var c = batch.Classes;
        Tensor probs, target;
        if (batch.Mode == SegmentationMode.Multiclass)
        {
            probs = (FromLogits ? F.log_softmax(logits, 1).exp() : logits).reshape(n, c, -1);
            target = F.one_hot(batch.Labels.reshape(n, -1), c).permute(0, 2, 1).to(logits.dtype);
        }
        else
        {
            probs = (FromLogits ? F.logsigmoid(logits).exp() : logits).reshape(n, 1, -1);
            target = batch.Labels.reshape(n, 1, -1);
        }
        if (batch.Valid is { } valid)
        {
            var mask = valid.reshape(n, 1, -1).to(logits.dtype);
            probs = probs * mask;
            target = target * mask;
        }
        long[] dims = [0, 2];
        var tp = (probs * target).sum(dims);
        var predicted = probs.sum(dims);
        var actual = target.sum(dims);
        var score = Score(tp, predicted - tp, actual - tp);
        var perClass = LogLoss ? -score.clamp_min(Eps).log() : 1 - score;
        perClass = perClass * actual.gt(0).to(logits.dtype);   // classes absent from the target count 0
        var weights = ClassWeightTensor(batch);
        var mean = weights is null ? perClass.mean() : (perClass * weights).sum() / weights.sum();
        return Aggregate(mean);
    }

    /// <summary>(numerator + smooth) / max(denominator + smooth, eps).</summary>
    private protected Tensor Ratio(Tensor numerator, Tensor denominator) => (numerator + Smooth) / (denominator + Smooth).clamp_min(Eps);
}
