using SegGanLab.Torch;

namespace SegGanLab.Data;

/// <summary>
/// One collated batch: normalised images as float32 [N,3,H,W] and labels as int64 [N,H,W] (the
/// ignore index kept; 0/1 for binary datasets), on the loader's device. The consumer owns both
/// tensors: dispose the batch, or let the dispose scope that was open when it was taken do it.
/// </summary>
public sealed class Batch : IDisposable
{
    internal Batch(Tensor images, Tensor masks, int[] indices, string[] names, LoaderPosition position) =>
        (Images, Masks, Indices, Names, Position) = (images, masks, indices, names, position);

    /// <summary>float32 [N,3,H,W], normalised by the pipeline's <see cref="Normalization"/>.</summary>
    public Tensor Images { get; }

    /// <summary>int64 [N,H,W]: class indices and the ignore index.</summary>
    public Tensor Masks { get; }

    /// <summary>The dataset index of each sample.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>The name (path or synthetic id) of each sample.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Where this batch sits in the loader's sequence.</summary>
    public LoaderPosition Position { get; }

    /// <summary>The number of samples.</summary>
    public int Count => Indices.Count;

    /// <summary>
    /// Stacks samples of one size into a batch on this thread (the "to tensor" step outside a
    /// loader, e.g. for prediction): images normalised by <paramref name="normalization"/> (null:
    /// ImageNet), indices 0..n-1.
    /// </summary>
    /// <exception cref="ArgumentException">For no samples.</exception>
    /// <exception cref="DatasetException">When the samples differ in size.</exception>
    public static Batch Collate(IReadOnlyList<SegmentationSample> samples, Normalization? normalization = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) throw new ArgumentException("A batch needs at least one sample.", nameof(samples));
        var indices = Enumerable.Range(0, samples.Count).ToArray();
        return CollatedBatch.Collate(samples, indices, normalization ?? Normalization.ImageNet, LoaderPosition.Start).ToBatch(device ?? Device.CPU);
    }

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Masks.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"Batch({Position}: {Count} samples, images {Images}, masks {Masks})";
}
