using SegGanLab.Imaging;
using SegGanLab.Metrics;

namespace SegGanLab.Training;

/// <summary>
/// What a recipe's evaluation found: the summary metrics (fractions, or PSNR in dB and SSIM for
/// restoration), and for segmentation the scores with their confusion matrix, plus a few samples
/// to show.
/// </summary>
public sealed class Evaluation
{
    /// <summary>Summary metrics by the names of docs/run-folder.md (<c>mIoU</c>, <c>mAcc</c>, ..., <c>PSNR</c>, <c>SSIM</c>).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>The evaluated split.</summary>
    public string Split { get; init; } = "val";

    /// <summary>Segmentation scores (the per-class table), or null for restoration.</summary>
    public SegmentationScores? Scores { get; init; }

    /// <summary>The confusion counts [truth, prediction] behind <see cref="Scores"/>.</summary>
    public long[,]? Confusion { get; init; }

    /// <summary>Samples to write as PNG, in order.</summary>
    public IReadOnlyList<EvaluationSample> Samples { get; init; } = [];
}

/// <summary>
/// One sample's images by role: <c>image</c>, <c>truth</c>, <c>pred</c> for segmentation (truth and
/// prediction as palette images whose pixels are class indices), <c>blurred</c>, <c>restored</c>,
/// <c>sharp</c> for restoration. Written as <c>&lt;role&gt;-&lt;k&gt;.png</c>.
/// </summary>
public sealed record EvaluationSample(IReadOnlyList<KeyValuePair<string, ImageData>> Images);
