using System.Collections;
using System.Runtime.ExceptionServices;

namespace SegGanLab.Data;

/// <summary>
/// A running sequence of batches from a <see cref="DataLoader"/>: background workers prepare
/// batches ahead (at most Workers x Prefetch) and the consumer receives them strictly in order.
/// <see cref="Position"/> is the place of the next batch; checkpoint it to resume. Cancelling the
/// token or disposing the stream stops the workers promptly and frees the batches not yet taken.
/// </summary>
public sealed class BatchStream : IEnumerable<Batch>, IDisposable
{
    readonly DataLoader _loader;
    readonly LoaderPosition _start;
    readonly long _limit;
    readonly CancellationTokenSource _stop;
    readonly CancellationTokenRegistration _wake;
    readonly Thread[] _workers;
    readonly int _capacity;
    readonly object _gate = new();
    readonly Dictionary<long, (CollatedBatch? batch, ExceptionDispatchInfo? error)> _ready = new();
    long _delivered, _claimed;
    bool _disposed;

    internal BatchStream(DataLoader loader, LoaderPosition start, long limit, CancellationToken cancellation)
    {
        (_loader, _start, _limit) = (loader, start, limit);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _wake = _stop.Token.Register(() => { lock (_gate) Monitor.PulseAll(_gate); });
        var options = loader.Options;
        _capacity = Math.Max(1, options.Workers * options.Prefetch);
        _workers = new Thread[options.Workers];
        for (var k = 0; k < _workers.Length; k++)
        {
            _workers[k] = new Thread(Work) { IsBackground = true, Name = $"SegGanLab data worker {k}" };
            _workers[k].Start();
        }
    }

    /// <summary>The position of the next batch <see cref="Next"/> returns.</summary>
    public LoaderPosition Position => _loader.Plan.Advance(_start, Interlocked.Read(ref _delivered));

    /// <summary>
    /// The next batch (its tensors are created on this thread, in its current dispose scope), or
    /// null when a finite stream is done.
    /// </summary>
    /// <exception cref="OperationCanceledException">When the token was cancelled.</exception>
    /// <exception cref="DatasetException">When a sample of this batch could not be loaded; the position stays at this batch.</exception>
    public Batch? Next()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var token = _stop.Token;
        token.ThrowIfCancellationRequested();
        var number = _delivered;
        if (number >= _limit) return null;
        CollatedBatch collated;
        if (_workers.Length == 0)
            collated = _loader.Assemble(_loader.Plan.Advance(_start, number), token);
        else
        {
            (CollatedBatch? batch, ExceptionDispatchInfo? error) result;
            lock (_gate)
            {
                while (!_ready.TryGetValue(number, out result))
                {
                    token.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate);
                }
                if (result.error is not null) result.error.Throw();
                _ready.Remove(number);
            }
            collated = result.batch!;
        }
        Batch batch;
        try
        {
            batch = collated.ToBatch(_loader.Options.Device);
        }
        catch (Exception e) when (_workers.Length > 0)
        {
            // The worker's result is gone; keep the failure in its place so the position stays here.
            lock (_gate) _ready[number] = (null, ExceptionDispatchInfo.Capture(e));
            throw;
        }
        lock (_gate)
        {
            Interlocked.Increment(ref _delivered);
            Monitor.PulseAll(_gate);   // a prefetch slot is free
        }
        return batch;
    }

    void Work()
    {
        var token = _stop.Token;
        while (true)
        {
            long number;
            lock (_gate)
            {
                while (!token.IsCancellationRequested && _claimed < _limit && _claimed >= _delivered + _capacity) Monitor.Wait(_gate);
                if (token.IsCancellationRequested || _claimed >= _limit) return;
                number = _claimed++;
            }
            (CollatedBatch? batch, ExceptionDispatchInfo? error) result;
            try
            {
                result = (_loader.Assemble(_loader.Plan.Advance(_start, number), token), null);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                result = (null, ExceptionDispatchInfo.Capture(e));
            }
            lock (_gate)
            {
                if (token.IsCancellationRequested) { result.batch?.Release(); return; }
                _ready[number] = result;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Enumerates until the stream ends (never, for an unbounded stream); ending the enumeration disposes the stream.</summary>
    public IEnumerator<Batch> GetEnumerator()
    {
        try
        {
            while (Next() is { } batch) yield return batch;
        }
        finally
        {
            Dispose();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Stops the workers (waiting for the sample each is on) and frees every batch not yet taken.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stop.Cancel();
        foreach (var worker in _workers) worker.Join();
        lock (_gate)
        {
            foreach (var (batch, _) in _ready.Values) batch?.Release();
            _ready.Clear();
        }
        _wake.Dispose();
        _stop.Dispose();
    }
}
