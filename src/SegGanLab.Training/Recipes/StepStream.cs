using SegGanLab.Data;

namespace SegGanLab.Training;

/// <summary>
/// A recipe's endless stream of training batches from one loader, positioned by the number of
/// batches already taken (a pure function of the step, so a resumed run continues where the
/// checkpoint was).
/// </summary>
internal sealed class StepStream(DataLoader loader) : IDisposable
{
    BatchStream? _stream;

    /// <summary>The loader.</summary>
    public DataLoader Loader => loader;

    /// <summary>(Re)starts the stream after <paramref name="batchesTaken"/> batches.</summary>
    public void Start(long batchesTaken, CancellationToken cancellation)
    {
        _stream?.Dispose();
        _stream = loader.Stream(loader.PositionOfStep(batchesTaken), cancellation);
    }

    /// <summary>The next batch; the stream runs over epochs, so none means cancellation.</summary>
    public Batch Next(StepContext step)
    {
        if (_stream is null) throw new InvalidOperationException("The recipe was not started: the trainer calls Start before the first step.");
        var batch = _stream.Next();
        step.Cancellation.ThrowIfCancellationRequested();
        return batch ?? throw new InvalidOperationException("The training stream ended; it should run over epochs until the last step.");
    }

    /// <summary>Stops the stream's workers.</summary>
    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }
}
