using System.Text.Json.Nodes;
using SegGanLab.Kernel.Messaging;
using SegGanLab.Kernel.Zmq;

namespace SegGanLab.Kernel.Tests;

/// <summary>
/// A Jupyter frontend's side of the five channels, built on the kernel's own libzmq binding:
/// DEALER sockets for shell, control and stdin (sharing one identity, as jupyter_client does),
/// SUB for iopub, REQ for the heartbeat.
/// </summary>
internal sealed class KernelClient : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly ZmqContext _context = new();
    readonly WireCodec _codec;

    public KernelClient(ConnectionInfo connection, string? key = null)
    {
        _codec = new WireCodec(new MessageSigner(key ?? connection.Key), Guid.NewGuid().ToString());
        var identity = System.Text.Encoding.ASCII.GetBytes(_codec.Session);
        Shell = Connect(ZmqNative.DEALER, connection.ShellPort, identity);
        Control = Connect(ZmqNative.DEALER, connection.ControlPort, identity);
        Stdin = Connect(ZmqNative.DEALER, connection.StdinPort, identity);
        Iopub = _context.Socket(ZmqNative.SUB);
        Iopub.SetOption(ZmqNative.SUBSCRIBE, ReadOnlySpan<byte>.Empty);
        Iopub.Connect(connection.Endpoint(connection.IopubPort));
        Heartbeat = Connect(ZmqNative.REQ, connection.HbPort, null);

        ZmqSocket Connect(int type, int port, byte[]? id)
        {
            var socket = _context.Socket(type);
            if (id is not null) socket.SetOption(ZmqNative.ROUTING_ID, id);
            socket.Connect(connection.Endpoint(port));
            return socket;
        }
    }

    public ZmqSocket Shell { get; }
    public ZmqSocket Control { get; }
    public ZmqSocket Stdin { get; }
    public ZmqSocket Iopub { get; }
    public ZmqSocket Heartbeat { get; }

    /// <summary>Sends a request and returns its msg_id.</summary>
    public string Send(ZmqSocket socket, string msgType, JsonObject content, JsonObject? parent = null)
    {
        var frames = Frames(msgType, content, parent);
        socket.Send(frames);
        return Id(frames);
    }

    /// <summary>A signed request's frames (to tamper with or replay).</summary>
    public List<byte[]> Frames(string msgType, JsonObject content, JsonObject? parent = null) => _codec.Encode([], msgType, content, parent);

    public static string Id(List<byte[]> frames) => JsonNode.Parse(frames[2])!["msg_id"]!.GetValue<string>();

    public string Execute(string code, bool allowStdin = false, bool stopOnError = true, JsonObject? userExpressions = null) =>
        Send(Shell, "execute_request", new JsonObject
        {
            ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = userExpressions ?? new JsonObject(),
            ["allow_stdin"] = allowStdin, ["stop_on_error"] = stopOnError,
        });

    /// <summary>The next message on <paramref name="socket"/>, or null after <paramref name="timeout"/>.</summary>
    public JupyterMessage? Receive(ZmqSocket socket, TimeSpan timeout)
    {
        var frames = socket.Receive((int)timeout.TotalMilliseconds);
        if (frames is null) return null;
        return _codec.Decode(frames, out var problem) ?? throw new InvalidOperationException($"the kernel sent an unreadable message: {problem}");
    }

    /// <summary>The reply to <paramref name="msgId"/> on <paramref name="socket"/>.</summary>
    public JupyterMessage Reply(ZmqSocket socket, string msgId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
            if (Receive(socket, TimeSpan.FromMilliseconds(200)) is { } m && ParentId(m) == msgId) return m;
        throw new TimeoutException($"no reply to {msgId} within {Patience}");
    }

    /// <summary>The iopub messages for <paramref name="msgId"/> from busy to idle, inclusive.</summary>
    public List<JupyterMessage> IopubUntilIdle(string msgId)
    {
        var messages = new List<JupyterMessage>();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Receive(Iopub, TimeSpan.FromMilliseconds(200)) is not { } m || ParentId(m) != msgId) continue;
            messages.Add(m);
            if (m.Type == "status" && m.Content["execution_state"]!.GetValue<string>() == "idle") return messages;
        }
        throw new TimeoutException($"no idle status for {msgId} within {Patience}; got {string.Join(", ", messages.Select(x => x.Type))}");
    }

    /// <summary>Waits for the first stream output of <paramref name="msgId"/> (the cell is running).</summary>
    public bool WaitForStream(string msgId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
            if (Receive(Iopub, TimeSpan.FromMilliseconds(200)) is { Type: "stream" } m && ParentId(m) == msgId) return true;
        return false;
    }

    /// <summary>Waits until iopub delivers (a PUB socket drops messages sent before a subscriber joined).</summary>
    public void AwaitIopub()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var id = Send(Shell, "kernel_info_request", new JsonObject());
            Reply(Shell, id);
            while (Receive(Iopub, TimeSpan.FromMilliseconds(300)) is { } m)
                if (ParentId(m) == id) { Drain(); return; }
        }
        throw new TimeoutException("iopub never delivered a message");
    }

    void Drain()
    {
        while (Receive(Iopub, TimeSpan.FromMilliseconds(100)) is not null) { }
    }

    public static string ParentId(JupyterMessage m) => m.ParentHeader["msg_id"]?.GetValue<string>() ?? "";

    public void Dispose()
    {
        Shell.Dispose();
        Control.Dispose();
        Stdin.Dispose();
        Iopub.Dispose();
        Heartbeat.Dispose();
        _context.Dispose();
    }
}
