namespace SegGanLab.Metrics;

/// <summary>The summary metric names of docs/run-folder.md, shared by training logs, reports and plots.</summary>
public static class MetricNames
{
    /// <summary>Mean intersection over union over the classes that occur.</summary>
    public const string MeanIoU = "mIoU";
    /// <summary>Mean per-class accuracy (recall) over the classes in the ground truth.</summary>
    public const string MeanAccuracy = "mAcc";
    /// <summary>Overall pixel accuracy.</summary>
    public const string OverallAccuracy = "aAcc";
    /// <summary>Mean Dice (F1) over the classes that occur.</summary>
    public const string MeanDice = "mDice";
    /// <summary>Frequency-weighted IoU.</summary>
    public const string FrequencyWeightedIoU = "fwIoU";
    /// <summary>Peak signal-to-noise ratio in dB.</summary>
    public const string Psnr = "PSNR";
    /// <summary>Structural similarity.</summary>
    public const string Ssim = "SSIM";
}
