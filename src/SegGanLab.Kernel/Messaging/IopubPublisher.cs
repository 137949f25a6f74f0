using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using SegGanLab.Kernel.Zmq;

namespace SegGanLab.Kernel.Messaging;

/// <summary>
/// The IOPub channel. libzmq sockets are not thread-safe, so one thread owns the PUB socket and
/// sends what the shell, control and execution threads queue, in the order they queued it.
/// </summary>
internal sealed class IopubPublisher : IDisposable
{
    readonly ZmqSocket _socket;
    readonly WireCodec _codec;
    readonly BlockingCollection<List<byte[]>> _queue = new();
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
        try { _queue.Add(frames); }
        catch (InvalidOperationException) { _log.Write($"iopub is closed; dropped a late {msgType} message"); }
    }

    /// <summary>Publishes <c>status</c> with <paramref name="state"/> (starting, busy, idle).</summary>
    public void Status(string state, JsonObject? parentHeader) => Publish("status", new JsonObject { ["execution_state"] = state }, parentHeader);

    /// <summary>Sends what is queued, then closes the socket.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _socket.Dispose();
    }

    void Loop()
    {
        foreach (var frames in _queue.GetConsumingEnumerable())
        {
            try { _socket.Send(frames); }
            catch (ZmqException e) { _log.Write($"iopub send failed: {e.Message}"); }
        }
    }
}
