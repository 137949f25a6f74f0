namespace SegGanLab.Data;

/// <summary>
/// A place in a loader's batch sequence: batch <see cref="Batch"/> of epoch <see cref="Epoch"/>.
/// Checkpoint the stream's position and start a new stream there to see exactly the batches an
/// uninterrupted run would have seen.
/// </summary>
/// <param name="Epoch">The epoch, from 0.</param>
/// <param name="Batch">The batch within the epoch, from 0.</param>
public readonly record struct LoaderPosition(int Epoch, int Batch)
{
    /// <summary>The start of training.</summary>
    public static LoaderPosition Start => default;

    /// <inheritdoc/>
    public override string ToString() => $"epoch {Epoch}, batch {Batch}";
}
