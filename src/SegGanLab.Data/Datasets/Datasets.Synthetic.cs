namespace SegGanLab.Data;

public static partial class Datasets
{
    /// <summary>
    /// The embedded default: <paramref name="count"/> procedurally drawn shape scenes (see
    /// <see cref="SyntheticDataset"/>); needs no files and is identical for equal seeds.
    /// </summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="seed">The scene seed (use different seeds for training and validation sets).</param>
    /// <param name="options">Scene parameters (null: the calibrated defaults).</param>
    public static SyntheticDataset Synthetic(int count = 4096, int width = 48, int height = 48, long seed = 0, SyntheticOptions? options = null) =>
        new(count, width, height, seed, options);
}
