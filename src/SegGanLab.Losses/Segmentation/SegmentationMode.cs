namespace SegGanLab.Losses;

/// <summary>
/// How segmentation logits are read, as in segmentation_models.pytorch: binary (one channel,
/// sigmoid) or multiclass (C channels, softmax). Terms given no mode infer it from the channel count.
/// </summary>
public enum SegmentationMode
{
    /// <summary>Single-channel logits [N, 1, H, W], sigmoid; labels 0/1.</summary>
    Binary,
    /// <summary>C-channel logits [N, C, H, W], softmax; labels are class indices in [0, C).</summary>
    Multiclass,
}
