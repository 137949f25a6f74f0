using System.Text.Json.Nodes;
using SegGanLab.Kernel.Zmq;

namespace SegGanLab.Kernel.Messaging;

/// <summary>
/// The stdin channel: sends <c>input_request</c> to the frontend that sent the execute request and
/// waits for its <c>input_reply</c>. Only the running cell asks, one request at a time.
/// </summary>
internal sealed class StdinChannel(ZmqSocket socket, WireCodec codec, KernelLog log) : IDisposable
{
    const int PollMs = 100;
    readonly Lock _gate = new();

    /// <summary>The line the user typed; throws <see cref="OperationCanceledException"/> when the cell is interrupted first.</summary>
    public string Request(JupyterMessage execute, string prompt, bool password, CancellationToken cancellation)
    {
        lock (_gate)
        {
            // A reply that arrived after its request was interrupted must not answer this one.
            while (socket.Receive(0) is not null) { }
            socket.Send(codec.Encode(execute.Identities, "input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password }, execute.Header));
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (socket.Receive(PollMs) is not { } frames) continue;
                var reply = codec.Decode(frames, out var problem);
                if (reply is null) log.Write($"stdin: dropped a message: {problem}");
                else if (reply.Type == "input_reply") return reply.Get("value", "");
                else log.Write($"stdin: ignored a {reply.Type} message while waiting for input_reply");
            }
        }
    }

    public void Dispose() => socket.Dispose();
}
