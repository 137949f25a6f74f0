using System.Globalization;
using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>
/// Tversky loss (focal Tversky with <c>gamma</c> ≠ 1), as segmentation_models.pytorch's
/// <c>TverskyLoss</c>: per class TP / (TP + α·FP + β·FN), loss = (mean over classes of 1 - score)^γ.
/// α = β = 0.5 is Dice; α = β = 1 is Jaccard; β &gt; α penalises missed foreground more. Name: <c>tversky</c>.
/// </summary>
public sealed class TverskyLoss : SoftOverlapLoss
{
    /// <summary>Creates the loss with smp's defaults.</summary>
    /// <param name="mode">Binary or multiclass; null infers it from the logits (one channel: binary).</param>
    /// <param name="alpha">Weight of false positives.</param>
    /// <param name="beta">Weight of false negatives.</param>
    /// <param name="gamma">Exponent of the class-averaged loss.</param>
    /// <param name="fromLogits">True: apply softmax/sigmoid; false: the input is probabilities.</param>
    /// <param name="smooth">Added to numerator and denominator.</param>
    /// <param name="eps">The smallest denominator.</param>
    /// <param name="logLoss">Use -log(score) instead of 1 - score.</param>
    /// <param name="ignoreIndex">The label to ignore; null: the context's.</param>
    /// <param name="classWeights">One weight per class for the class average, or null.</param>
    public TverskyLoss(SegmentationMode? mode = null, double alpha = 0.5, double beta = 0.5, double gamma = 1.0, bool fromLogits = true,
                       double smooth = 0, double eps = 1e-7, bool logLoss = false, long? ignoreIndex = null, double[]? classWeights = null)
        : base("tversky", mode, fromLogits, smooth, eps, logLoss, ignoreIndex, classWeights)
    {
        if (!(alpha >= 0) || !(beta >= 0) || double.IsInfinity(alpha) || double.IsInfinity(beta))
            throw new ArgumentOutOfRangeException(nameof(alpha), $"Tversky alpha and beta must be finite and non-negative; got {alpha} and {beta}");
        if (!(gamma > 0) || double.IsInfinity(gamma))
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "Tversky gamma must be positive and finite");
        (Alpha, Beta, Gamma) = (alpha, beta, gamma);
    }

    /// <summary>Weight of false positives.</summary>
    public double Alpha { get; }
    /// <summary>Weight of false negatives.</summary>
    public double Beta { get; }
    /// <summary>Exponent of the class-averaged loss.</summary>
    public double Gamma { get; }

    private protected override string ScoreOptions => string.Create(CultureInfo.InvariantCulture, $", alpha: {Alpha}, beta: {Beta}, gamma: {Gamma}");

    private protected override Tensor Score(Tensor tp, Tensor fp, Tensor fn) => Ratio(tp, tp + Alpha * fp + Beta * fn);

    private protected override Tensor Aggregate(Tensor meanLoss) => Gamma == 1 ? meanLoss : meanLoss.pow(Gamma);
}
