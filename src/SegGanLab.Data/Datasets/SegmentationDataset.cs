namespace SegGanLab.Data;

/// <summary>
/// A labelled image set: <see cref="Count"/> samples, each an RGB image with its label map,
/// and the meaning of the labels (<see cref="Classes"/>). <see cref="Get"/> is thread-safe and
/// returns fresh managed buffers, so loader workers can call it in parallel and transform the
/// result in place.
/// </summary>
public abstract class SegmentationDataset
{
    /// <summary>A short name for logs and summaries (e.g. "CamVid train").</summary>
    public abstract string Name { get; }

    /// <summary>Class names, palette, ignore index and binary flag.</summary>
    public abstract DatasetClasses Classes { get; }

    /// <summary>The number of samples.</summary>
    public abstract int Count { get; }

    /// <summary>Decodes sample <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the index is outside 0..Count-1.</exception>
    /// <exception cref="DatasetException">When its files are missing, unreadable or inconsistent.</exception>
    public SegmentationSample Get(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {Count} samples (0..{Count - 1}).");
        return Load(index);
    }

    /// <summary>The name (file path or synthetic id) of sample <paramref name="index"/>, without decoding it.</summary>
    public abstract string SampleName(int index);

    /// <summary>Decodes sample <paramref name="index"/> (already range-checked).</summary>
    protected abstract SegmentationSample Load(int index);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Count} samples, {Classes}";
}
