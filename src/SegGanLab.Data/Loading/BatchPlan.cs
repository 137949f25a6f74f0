namespace SegGanLab.Data;

/// <summary>
/// Which samples make up each batch: pure functions of the options' seed and the position, so
/// any worker can build any batch and a resumed stream repeats an uninterrupted one.
/// </summary>
internal sealed class BatchPlan
{
    const long OrderKey = 0x0D3E, AugmentKey = 0xA06E;
    readonly int _count;
    readonly LoaderOptions _options;
    readonly object _gate = new();
    (int epoch, int[] order)? _cached;

    public BatchPlan(int count, LoaderOptions options)
    {
        (_count, _options) = (count, options);
        BatchesPerEpoch = options.DropLast ? count / options.BatchSize : (count + options.BatchSize - 1) / options.BatchSize;
    }

    public int BatchesPerEpoch { get; }

    /// <summary>The sample order of <paramref name="epoch"/>: the identity without shuffling, else a permutation keyed by (seed, epoch).</summary>
    public int[] EpochOrder(int epoch)
    {
        lock (_gate)
            if (_cached is { } c && c.epoch == epoch) return c.order;
        var order = new int[_count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        if (_options.Shuffle)
        {
            var random = new DataRandom(_options.Seed, epoch, OrderKey);
            random.Shuffle(order.AsSpan());
        }
        lock (_gate) _cached = (epoch, order);
        return order;
    }

    /// <summary>The dataset indices of the batch at <paramref name="position"/>.</summary>
    public int[] Indices(LoaderPosition position)
    {
        var order = EpochOrder(position.Epoch);
        var start = position.Batch * _options.BatchSize;
        return order.AsSpan(start, Math.Min(_options.BatchSize, _count - start)).ToArray();
    }

    /// <summary>The augmentation stream of one sample in one epoch.</summary>
    public DataRandom SampleRandom(int epoch, int index) => new(_options.Seed, epoch, index, AugmentKey);

    /// <summary>The position <paramref name="batches"/> batches after <paramref name="start"/>.</summary>
    public LoaderPosition Advance(LoaderPosition start, long batches)
    {
        var total = start.Batch + batches;
        return new LoaderPosition(checked((int)(start.Epoch + total / BatchesPerEpoch)), (int)(total % BatchesPerEpoch));
    }
}
