using SegGanLab.Torch;

namespace SegGanLab.Data;

/// <summary>How a <see cref="DataLoader"/> batches, orders and prefetches.</summary>
public sealed record LoaderOptions
{
    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Visit the samples in a new random order every epoch (a function of <see cref="Seed"/> and the epoch).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Leave out an epoch's last batch when it would be smaller than <see cref="BatchSize"/>.</summary>
    public bool DropLast { get; init; }

    /// <summary>Background worker threads; 0 loads on the consumer's thread. Results do not depend on it.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Batches each worker may prepare ahead of the consumer (the prefetch bound is Workers x Prefetch).</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>Seeds the epoch orders and every sample's augmentation.</summary>
    public long Seed { get; init; }

    /// <summary>Where batch tensors are placed.</summary>
    public Device Device { get; init; } = Device.CPU;

    /// <summary>Throws for values that cannot work, naming the option.</summary>
    /// <exception cref="ArgumentException">For a non-positive batch size or prefetch, or negative workers.</exception>
    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentException($"LoaderOptions.BatchSize must be at least 1, got {BatchSize}.");
        if (Workers < 0) throw new ArgumentException($"LoaderOptions.Workers must be 0 (load on the calling thread) or more, got {Workers}.");
        if (Prefetch < 1) throw new ArgumentException($"LoaderOptions.Prefetch must be at least 1 batch a worker, got {Prefetch}.");
        ArgumentNullException.ThrowIfNull(Device, nameof(Device));
    }
}
