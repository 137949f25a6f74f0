namespace SegGanLab.Data;

/// <summary>
/// Turns a dataset into batches of tensors: an epoch order that is a function of (seed, epoch),
/// per-sample augmentation drawn from (seed, epoch, sample index), background workers and
/// collation into normalised float32 images and int64 masks on the target device. The batches
/// are the same for any number of workers, and a stream started at a checkpointed
/// <see cref="LoaderPosition"/> continues exactly as the uninterrupted one.
/// </summary>
/// <example><code>
/// var loader = new DataLoader(Datasets.Synthetic(512), TransformPipeline.Empty.HorizontalFlip(),
///                             new LoaderOptions { BatchSize = 16, Workers = 2, Seed = 1 });
/// using var stream = loader.Stream(checkpoint?.Position ?? LoaderPosition.Start, cancellation);
/// for (var step = 0; step &lt; steps; step++)
/// {
///     using var scope = torch.NewDisposeScope();   // frees the batch's tensors with the step's
///     var batch = stream.Next()!;
///     // ... forward batch.Images, loss against batch.Masks; save stream.Position with checkpoints
/// }
/// </code></example>
public sealed class DataLoader
{
    /// <summary>Creates a loader.</summary>
    /// <param name="dataset">The samples.</param>
    /// <param name="transforms">Joint transforms and normalisation (null: none, ImageNet normalisation).</param>
    /// <param name="options">Batching, order and workers (null: defaults).</param>
    /// <exception cref="ArgumentException">For invalid options, or an epoch without a single batch.</exception>
    public DataLoader(SegmentationDataset dataset, TransformPipeline? transforms = null, LoaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Options = options ?? new LoaderOptions();
        Options.Validate();
        (Dataset, Transforms) = (dataset, transforms ?? TransformPipeline.Empty);
        Plan = new BatchPlan(dataset.Count, Options);
        if (Plan.BatchesPerEpoch == 0)
            throw new ArgumentException(dataset.Count == 0
                ? $"{dataset.Name} has no samples."
                : $"{dataset.Name} has {dataset.Count} samples, fewer than the batch size {Options.BatchSize} with DropLast on: lower the batch size or turn DropLast off.");
    }

    /// <summary>The samples.</summary>
    public SegmentationDataset Dataset { get; }

    /// <summary>The transforms and normalisation.</summary>
    public TransformPipeline Transforms { get; }

    /// <summary>The options.</summary>
    public LoaderOptions Options { get; }

    /// <summary>Batches in one epoch.</summary>
    public int BatchesPerEpoch => Plan.BatchesPerEpoch;

    internal BatchPlan Plan { get; }

    /// <summary>The dataset indices in the order epoch <paramref name="epoch"/> visits them.</summary>
    public IReadOnlyList<int> EpochOrder(int epoch) => Plan.EpochOrder(epoch);

    /// <summary>The position reached after <paramref name="step"/> batches from the start.</summary>
    public LoaderPosition PositionOfStep(long step) => Plan.Advance(LoaderPosition.Start, step);

    /// <summary>How many batches lie before <paramref name="position"/> (the global step).</summary>
    public long StepOf(LoaderPosition position) => (long)position.Epoch * BatchesPerEpoch + position.Batch;

    /// <summary>
    /// An endless stream of batches from <paramref name="start"/>, across epochs (or at most
    /// <paramref name="maxBatches"/>). Dispose it to stop its workers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the position is not inside an epoch.</exception>
    public BatchStream Stream(LoaderPosition start = default, CancellationToken cancellation = default, long maxBatches = long.MaxValue)
    {
        if (start.Epoch < 0 || start.Batch < 0 || start.Batch >= BatchesPerEpoch)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"A position needs epoch >= 0 and batch within 0..{BatchesPerEpoch - 1}.");
        ArgumentOutOfRangeException.ThrowIfNegative(maxBatches);
        return new BatchStream(this, start, maxBatches, cancellation);
    }

    /// <summary>The batches of epoch <paramref name="epoch"/>, from its batch <paramref name="fromBatch"/>; breaking out of the loop stops the workers.</summary>
    public IEnumerable<Batch> Epoch(int epoch, int fromBatch = 0, CancellationToken cancellation = default)
    {
        var start = new LoaderPosition(epoch, fromBatch);
        using var stream = Stream(start, cancellation, BatchesPerEpoch - fromBatch);
        while (stream.Next() is { } batch) yield return batch;
    }

    /// <summary>Loads the single batch at <paramref name="position"/> on this thread (for dry runs, checks and plots).</summary>
    public Batch LoadBatch(LoaderPosition position)
    {
        if (position.Epoch < 0 || position.Batch < 0 || position.Batch >= BatchesPerEpoch)
            throw new ArgumentOutOfRangeException(nameof(position), position, $"A position needs epoch >= 0 and batch within 0..{BatchesPerEpoch - 1}.");
        return Assemble(position, CancellationToken.None).ToBatch(Options.Device);
    }

    /// <summary>Loads, transforms and collates the batch at <paramref name="position"/> into managed buffers (any thread).</summary>
    internal CollatedBatch Assemble(LoaderPosition position, CancellationToken cancellation)
    {
        var indices = Plan.Indices(position);
        var samples = new SegmentationSample[indices.Length];
        for (var k = 0; k < indices.Length; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            var random = Plan.SampleRandom(position.Epoch, indices[k]);
            samples[k] = Transforms.Apply(Dataset.Get(indices[k]), ref random);
        }
        return CollatedBatch.Collate(samples, indices, Transforms.Normalization, position);
    }
}
