using System.Text;
using System.Text.Json.Nodes;
using SegGanLab.Kernel.Messaging;
using SegGanLab.Scripting;

namespace SegGanLab.Kernel;

/// <summary>
/// A cell's output as iopub messages that reply to its execute request: stream text (buffered,
/// sent at each newline, after a short pause, and before any display or the reply, in the order
/// written), display_data / update_display_data, clear_output, page payloads and stdin input.
/// </summary>
internal sealed class KernelOutput : IScriptOutput, IDisposable
{
    // Text without a newline (a progress bar) waits at most this long.
    const int PartialLineDelayMs = 50;

    readonly IopubPublisher _iopub;
    readonly JupyterMessage _request;
    readonly StdinChannel? _stdin;
    readonly PlotlyPage _plotly;
    readonly List<(ConsoleStream Stream, StringBuilder Text)> _pending = [];
    readonly List<JsonObject> _payloads = [];
    readonly Lock _gate = new();
    readonly Timer _timer;

    public KernelOutput(IopubPublisher iopub, JupyterMessage request, StdinChannel? stdin, PlotlyPage plotly)
    {
        _iopub = iopub;
        _request = request;
        _stdin = stdin;
        _plotly = plotly;
        _timer = new Timer(_ => Flush());
    }

    /// <summary>Payloads for the execute reply (pages).</summary>
    public JsonArray Payloads()
    {
        lock (_gate) return new JsonArray(_payloads.Select(p => (JsonNode)p.DeepClone()).ToArray());
    }

    public void Write(ConsoleStream stream, string text)
    {
        lock (_gate)
        {
            if (_pending.Count > 0 && _pending[^1].Stream == stream) _pending[^1].Text.Append(text);
            else _pending.Add((stream, new StringBuilder(text)));
            if (text.Contains('\n')) FlushLocked();
            else _timer.Change(PartialLineDelayMs, Timeout.Infinite);
        }
    }

    public void Display(MimeBundle bundle, string displayId, bool update)
    {
        var content = new JsonObject
        {
            ["data"] = _plotly.Data(bundle, displayId, update),
            ["metadata"] = bundle.Metadata.DeepClone(),
            ["transient"] = new JsonObject { ["display_id"] = displayId },
        };
        Send(update ? "update_display_data" : "display_data", content);
    }

    public void ClearOutput(bool wait) => Send("clear_output", new JsonObject { ["wait"] = wait });

    public void Page(MimeBundle bundle)
    {
        lock (_gate) _payloads.Add(new JsonObject { ["source"] = "page", ["data"] = bundle.ToJson(), ["start"] = 0 });
    }

    public string? ReadInput(string prompt, bool password, CancellationToken cancellation)
    {
        if (_stdin is null) return null;
        Flush();
        return _stdin.Request(_request, prompt, password, cancellation);
    }

    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    public void Dispose()
    {
        Flush();
        _timer.Dispose();
    }

    void Send(string msgType, JsonObject content)
    {
        lock (_gate)
        {
            FlushLocked();
            _iopub.Publish(msgType, content, _request.Header);
        }
    }

    void FlushLocked()
    {
        foreach (var (stream, text) in _pending)
            _iopub.Publish("stream", new JsonObject { ["name"] = stream == ConsoleStream.Error ? "stderr" : "stdout", ["text"] = text.ToString() }, _request.Header);
        _pending.Clear();
    }
}
