using SegGanLab.Data;

namespace SegGanLab.Training;

/// <summary>
/// The data of a segmentation recipe: the training loader, the validation loader (null: no
/// evaluation data, the metrics stay empty), and how many validation samples each evaluation
/// writes as PNG.
/// </summary>
/// <param name="Train">Batches for training (shuffled, augmented).</param>
/// <param name="Validation">Batches for evaluation (in order, not augmented), or null.</param>
/// <param name="Samples">Validation samples shown per evaluation.</param>
public sealed record SegmentationData(DataLoader Train, DataLoader? Validation, int Samples = 4)
{
    /// <summary>The classes of the training data.</summary>
    public DatasetClasses Classes => Train.Dataset.Classes;
}
