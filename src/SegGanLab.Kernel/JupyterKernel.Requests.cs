using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using SegGanLab.Kernel.Messaging;
using SegGanLab.Kernel.Zmq;
using SegGanLab.Scripting;
using SegGanLab.Torch;

namespace SegGanLab.Kernel;

public sealed partial class JupyterKernel
{
    void Dispatch(JupyterMessage request, ZmqSocket socket, string channel)
    {
        _iopub!.Status("busy", request.Header);
        try
        {
            switch (request.Type)
            {
                case "execute_request": Execute(request, socket); break;
                case "kernel_info_request": Reply(socket, request, "kernel_info_reply", KernelInfo()); break;
                case "complete_request": Reply(socket, request, "complete_reply", Complete(request)); break;
                case "inspect_request": Reply(socket, request, "inspect_reply", Inspect(request)); break;
                case "is_complete_request": Reply(socket, request, "is_complete_reply", IsComplete(request)); break;
                case "history_request": Reply(socket, request, "history_reply", History(request)); break;
                case "comm_info_request": Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }); break;
                case "comm_open":
                    // No comm targets exist: close it at once, as the protocol asks of a kernel that cannot open one.
                    Publish("comm_close", new JsonObject { ["comm_id"] = request.Get("comm_id", ""), ["data"] = new JsonObject() }, request);
                    break;
                case "comm_msg" or "comm_close": break;
                case "interrupt_request":
                    Interrupt();
                    Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request": Shutdown(request, socket); break;
                default: _log.Write($"{channel}: ignored unsupported message type '{request.Type}'"); break;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.Write($"{channel}: {request.Type} failed: {e}");
            if (request.Type.EndsWith("_request", StringComparison.Ordinal))
                Reply(socket, request, request.Type[..^"_request".Length] + "_reply", new JsonObject
                {
                    ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = e.Message, ["traceback"] = new JsonArray(e.ToString()),
                });
        }
        finally
        {
            if (!_answered.TryRemove(request.Id, out _)) _iopub.Status("idle", request.Header);
        }
    }

    static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = WireCodec.ProtocolVersion,
        ["implementation"] = "seggan",
        ["implementation_version"] = typeof(JupyterKernel).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"SegGanLab (C#) on LibTorch {torch.__version__} and .NET {Environment.Version}: C# scripts with SegGanLab.Torch imported; Display(x), Cancellation, Input(prompt).",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    JsonObject Complete(JupyterMessage request)
    {
        var code = request.Get("code", "");
        var result = _session.Complete(code, request.Get("cursor_pos", CodePoints.FromUtf16(code, code.Length)));
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(result.Items.Select(i => (JsonNode)i.Text).ToArray()),
            ["cursor_start"] = result.CursorStart,
            ["cursor_end"] = result.CursorEnd,
            ["metadata"] = new JsonObject
            {
                // JupyterLab shows these kinds next to the matches.
                ["_jupyter_types_experimental"] = new JsonArray(result.Items.Select(i => (JsonNode)new JsonObject
                {
                    ["start"] = result.CursorStart, ["end"] = result.CursorEnd, ["text"] = i.Text, ["type"] = i.Kind,
                }).ToArray()),
            },
        };
    }

    JsonObject Inspect(JupyterMessage request)
    {
        var code = request.Get("code", "");
        var bundle = _session.Inspect(code, request.Get("cursor_pos", CodePoints.FromUtf16(code, code.Length)), details: request.Get("detail_level", 0) > 0);
        return new JsonObject { ["status"] = "ok", ["found"] = bundle is not null, ["data"] = bundle?.ToJson() ?? new JsonObject(), ["metadata"] = new JsonObject() };
    }

    static JsonObject IsComplete(JupyterMessage request)
    {
        var answer = ScriptSession.IsComplete(request.Get("code", ""));
        var reply = new JsonObject { ["status"] = answer.Status.ToString().ToLowerInvariant() };
        if (answer.Status == CompletenessStatus.Incomplete) reply["indent"] = answer.Indent;
        return reply;
    }

    JsonObject History(JupyterMessage request)
    {
        var output = request.Get("output", false);
        var history = request.Get("hist_access_type", "tail") switch
        {
            "range" => _history.Range(request.Get("session", 0), request.Get("start", 1), request.Content["stop"] is JsonValue ? request.Get("stop", int.MaxValue) : null, output),
            "search" => _history.Search(request.Get("pattern", "*"), request.Content["n"] is JsonValue ? request.Get("n", int.MaxValue) : null, request.Get("unique", false), output),
            _ => _history.Tail(request.Get("n", 10), output),
        };
        return new JsonObject { ["status"] = "ok", ["history"] = history };
    }

    void Shutdown(JupyterMessage request, ZmqSocket socket)
    {
        RestartRequested = request.Get("restart", false);
        Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = RestartRequested });
        _log.Write(RestartRequested ? "shutdown requested (restart): exiting so the frontend starts a new kernel" : "shutdown requested");
        _stopRequestedAt = DateTime.UtcNow;
        _stopping = true;
        Interrupt();
    }
}
