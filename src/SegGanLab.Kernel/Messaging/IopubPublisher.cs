using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using SegGanLab.Kernel.Zmq;

namespace SegGanLab.Kernel.Messaging;

/// <summary>
/// The IOPub channel. libzmq sockets are not thread-safe, so one thread owns the PUB socket and
/// sends what the shell, control and execution threads queue, in the order they queued it;
/// <see cref="Flush"/> waits until what was queued before it has been handed to libzmq.
/// </summary>
internal sealed class IopubPublisher : IDisposable
{
    readonly ZmqSocket _socket;
    readonly WireCodec _codec;
    readonly BlockingCollection<Item> _queue = new();
    readonly Thread _thread;
    readonly KernelLog _log;

    public IopubPublisher(ZmqSocket socket, WireCodec codec, KernelLog log)
    {
        _socket = socket;
        _codec = codec;
        _log = log;
        _thread = new Thread(Loop) { IsBackground = true, Name = "Jupyter iopub" };
        _thread.Start();
    }

    /// <summary>Queues an iopub message (topic <c>kernel.&lt;session&gt;.&lt;msg_type&gt;</c>) replying to <paramref name="parentHeader"/>.</summary>
    public void Publish(string msgType, JsonObject content, JsonObject? parentHeader)
    {
        var topic = Encoding.UTF8.GetBytes($"kernel.{_codec.Session}.{msgType}");
        var frames = _codec.Encode([topic], msgType, content, parentHeader);
        try { _queue.Add(new Item(frames, null)); }
        catch (InvalidOperationException) { _log.Write($"iopub is closed; dropped a late {msgType} message"); }
    }

    /// <summary>Publishes <c>status</c> with <paramref name="state"/> (starting, busy, idle).</summary>
    public void Status(string state, JsonObject? parentHeader) => Publish("status", new JsonObject { ["execution_state"] = state }, parentHeader);

    /// <summary>Returns once every message queued before this call has been sent (or after <paramref name="limit"/>, or at once when closed).</summary>
    public void Flush(TimeSpan limit)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try { _queue.Add(new Item(null, sent)); }
        catch (InvalidOperationException) { return; }
        if (!sent.Task.Wait(limit)) _log.Write($"iopub: messages still unsent after {limit.TotalSeconds:0.#} s; replying anyway");
    }

    /// <summary>Sends what is queued, then closes the socket.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _socket.Dispose();
    }

    void Loop()
    {
        foreach (var (frames, flushed) in _queue.GetConsumingEnumerable())
        {
            flushed?.TrySetResult();
            if (frames is null) continue;
            try { _socket.Send(frames); }
            catch (ZmqException e) { _log.Write($"iopub send failed: {e.Message}"); }
        }
    }

    /// <summary>A message to send, or a flush marker to complete.</summary>
    readonly record struct Item(List<byte[]>? Frames, TaskCompletionSource? Flushed);
}
