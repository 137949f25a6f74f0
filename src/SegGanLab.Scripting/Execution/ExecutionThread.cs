using System.Collections.Concurrent;

namespace SegGanLab.Scripting;

/// <summary>
/// The one OS thread every cell of a session runs on. Dispose scopes are thread-local, so a
/// cell's scope must open, collect and close on the thread where its code runs; a
/// single-threaded <see cref="SynchronizationContext"/> brings the continuations of a cell's
/// <c>await</c>s back to this thread too.
/// </summary>
internal sealed class ExecutionThread : IDisposable
{
    // Deep recursion in user code (and LibTorch's own stack use) needs more than a thread-pool stack.
    const int StackSize = 64 * 1024 * 1024;

    readonly BlockingCollection<Action> _jobs = new();
    readonly Thread _thread;

    public ExecutionThread(string name)
    {
        _thread = new Thread(Loop, StackSize) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>True when called on this execution thread.</summary>
    public bool IsCurrent => Thread.CurrentThread == _thread;

    /// <summary>
    /// Runs <paramref name="work"/> on the thread after the jobs queued before it; its awaits resume on
    /// the thread. Called on the thread itself (from a <see cref="Host"/>ed loop), it runs at once and
    /// returns a completed task.
    /// </summary>
    public Task<T> Run<T>(Func<Task<T>> work)
    {
        if (IsCurrent)
        {
            try { return Task.FromResult(Pump(work)); }
            catch (Exception e) { return Task.FromException<T>(e); }
        }
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs.Add(() =>
        {
            try { done.SetResult(Pump(work)); }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task;
    }

    /// <summary>
    /// Runs <paramref name="loop"/> (a host's request loop) on the thread after the jobs queued
    /// before it, as one job that lasts until the loop returns; the work it starts runs inline.
    /// </summary>
    public Task Host(Action loop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs.Add(() =>
        {
            try
            {
                loop();
                done.SetResult();
            }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task;
    }

    public void Dispose() => _jobs.CompleteAdding();

    void Loop()
    {
        foreach (var job in _jobs.GetConsumingEnumerable()) job();
    }

    static T Pump<T>(Func<Task<T>> work)
    {
        var context = new PumpContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            var task = work();
            task.ContinueWith(_ => context.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            context.RunUntilComplete();
            return task.GetAwaiter().GetResult();
        }
        finally { SynchronizationContext.SetSynchronizationContext(previous); }
    }

    sealed class PumpContext : SynchronizationContext
    {
        readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

        public override void Post(SendOrPostCallback d, object? state)
        {
            // A continuation posted after the cell finished (a task the cell left running) has no
            // pump any more: run it on the thread pool rather than lose it.
            try { _queue.Add((d, state)); }
            catch (InvalidOperationException) { ThreadPool.QueueUserWorkItem(_ => d(state)); }
        }

        readonly Thread _owner = Thread.CurrentThread;

        public override void Send(SendOrPostCallback d, object? state)
        {
            if (Thread.CurrentThread == _owner)
            {
                d(state);
                return;
            }
            using var done = new ManualResetEventSlim();
            Post(s => { try { d(s); } finally { done.Set(); } }, state);
            done.Wait();
        }

        public void Complete() => _queue.CompleteAdding();

        public void RunUntilComplete()
        {
            foreach (var (callback, state) in _queue.GetConsumingEnumerable()) callback(state);
        }
    }
}
