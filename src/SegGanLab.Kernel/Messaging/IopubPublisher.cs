using System.Text;
using System.Text.Json.Nodes;
using SegGanLab.Kernel.Zmq;

namespace SegGanLab.Kernel.Messaging;

/// <summary>
/// The IOPub channel. libzmq sockets are not thread-safe, so the shell, control and execution
/// threads take turns on the PUB socket under a lock: each message is handed to libzmq before
/// <see cref="Publish"/> returns (a PUB socket never blocks a sender), in the order the threads
/// got the lock. A reply sent after publishing therefore follows every iopub message of its
/// request, without a hand-off to another thread on each request.
/// </summary>
internal sealed class IopubPublisher(ZmqSocket socket, WireCodec codec, KernelLog log) : IDisposable
{
    readonly Lock _gate = new();
    bool _closed;

    /// <summary>Sends an iopub message (topic <c>kernel.&lt;session&gt;.&lt;msg_type&gt;</c>) replying to <paramref name="parentHeader"/>.</summary>
    public void Publish(string msgType, JsonObject content, JsonObject? parentHeader)
    {
        var topic = Encoding.UTF8.GetBytes($"kernel.{codec.Session}.{msgType}");
        var frames = codec.Encode([topic], msgType, content, parentHeader);
        lock (_gate)
        {
            if (_closed)
            {
                log.Write($"iopub is closed; dropped a late {msgType} message");
                return;
            }
            try { socket.Send(frames); }
            catch (ZmqException e) { log.Write($"iopub send failed: {e.Message}"); }
        }
    }

    /// <summary>Publishes <c>status</c> with <paramref name="state"/> (starting, busy, idle).</summary>
    public void Status(string state, JsonObject? parentHeader) => Publish("status", new JsonObject { ["execution_state"] = state }, parentHeader);

    /// <summary>Closes the socket; what was published before leaves within the socket's linger time.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            socket.Dispose();
        }
    }
}
