namespace SegGanLab.Data;

/// <summary>
/// Some samples of another dataset, in a given order. With <see cref="HidesLabels"/> every mask
/// comes back filled with the ignore index, so an unlabelled split cannot leak its labels into a
/// supervised loss by accident.
/// </summary>
public sealed class SubsetDataset : SegmentationDataset
{
    readonly int[] _indices;

    /// <summary>Creates the subset.</summary>
    /// <param name="source">The full dataset.</param>
    /// <param name="indices">Indices into <paramref name="source"/>, in subset order.</param>
    /// <param name="hideLabels">Return masks filled with the ignore index.</param>
    /// <param name="name">The subset's name (default: the source's name with the size).</param>
    /// <exception cref="ArgumentOutOfRangeException">When an index is outside the source.</exception>
    public SubsetDataset(SegmentationDataset source, IReadOnlyList<int> indices, bool hideLabels = false, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indices);
        _indices = indices.ToArray();
        foreach (var i in _indices)
            if ((uint)i >= (uint)source.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"Subset index {i} is outside {source.Name} (0..{source.Count - 1}).");
        (Source, HidesLabels) = (source, hideLabels);
        Name = name ?? $"{source.Name} [{_indices.Length} of {source.Count}{(hideLabels ? ", unlabelled" : "")}]";
    }

    /// <summary>The full dataset.</summary>
    public SegmentationDataset Source { get; }

    /// <summary>The source indices, in subset order.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <summary>True when masks come back filled with the ignore index.</summary>
    public bool HidesLabels { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override DatasetClasses Classes => Source.Classes;

    /// <inheritdoc/>
    public override int Count => _indices.Length;

    /// <inheritdoc/>
    public override string SampleName(int index) => Source.SampleName(_indices[index]);

    /// <inheritdoc/>
    protected override SegmentationSample Load(int index)
    {
        var sample = Source.Get(_indices[index]);
        if (HidesLabels) sample.Mask.AsSpan().Fill(sample.IgnoreIndex);
        return sample;
    }
}
