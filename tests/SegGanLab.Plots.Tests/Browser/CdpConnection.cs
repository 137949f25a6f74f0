using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SegGanLab.Plots.Tests.Browser;

/// <summary>A CDP command failed; the message is the browser's.</summary>
sealed class CdpException(string message) : Exception(message);

/// <summary>
/// A Chrome DevTools Protocol connection over System.Net.WebSockets: commands with ids answered
/// by results, and events kept in arrival order for the test to inspect. Flattened sessions
/// (Target.attachToTarget with flatten) share the one socket, told apart by sessionId.
/// </summary>
sealed class CdpConnection : IAsyncDisposable
{
    readonly ClientWebSocket _socket = new();
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    readonly SemaphoreSlim _sendLock = new(1, 1);
    readonly CancellationTokenSource _stop = new();
    Task _receiver = Task.CompletedTask;
    int _nextId;

    /// <summary>Every event received so far (method, sessionId, params).</summary>
    public ConcurrentQueue<(string Method, string? SessionId, JsonElement Params)> Events { get; } = new();

    public static async Task<CdpConnection> ConnectAsync(Uri endpoint, CancellationToken ct)
    {
        var connection = new CdpConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection._socket.ConnectAsync(endpoint, ct);
        connection._receiver = Task.Run(connection.ReceiveLoop);
        return connection;
    }

    /// <summary>Sends a command (to a page session when <paramref name="sessionId"/> is given) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null, string? sessionId = null, CancellationToken ct = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters ?? new { }) };
        if (sessionId is not null) message["sessionId"] = sessionId;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(ct);
        try { await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct); }
        finally { _sendLock.Release(); }
        using var registration = ct.Register(() => answer.TrySetCanceled(ct));
        return await answer.Task;
    }

    /// <summary>Waits until an event named <paramref name="method"/> has arrived for the session.</summary>
    public async Task WaitForEventAsync(string method, string? sessionId, CancellationToken ct)
    {
        while (!Events.Any(e => e.Method == method && e.SessionId == sessionId))
            await Task.Delay(25, ct);
    }

    async Task ReceiveLoop()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The browser closed or we are shutting down; pending commands fail below.
        }
        foreach (var pending in _pending.Values) pending.TrySetException(new CdpException("The DevTools connection closed."));
    }

    void Dispatch(JsonElement message)
    {
        var sessionId = message.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
        if (message.TryGetProperty("id", out var idElement))
        {
            if (!_pending.TryRemove(idElement.GetInt32(), out var answer)) return;
            if (message.TryGetProperty("error", out var error)) answer.TrySetException(new CdpException(error.GetRawText()));
            else answer.TrySetResult(message.GetProperty("result").Clone());
            return;
        }
        Events.Enqueue((message.GetProperty("method").GetString()!, sessionId, message.TryGetProperty("params", out var p) ? p.Clone() : default));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _receiver; } catch (OperationCanceledException) { }
        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }
}
