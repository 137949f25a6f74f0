using System.Text.Json.Nodes;
using SegGanLab.Kernel.Messaging;
using SegGanLab.Kernel.Zmq;
using SegGanLab.Scripting;

namespace SegGanLab.Kernel;

public sealed partial class JupyterKernel
{
    void Execute(JupyterMessage request, ZmqSocket socket)
    {
        var code = request.Get("code", "");
        var silent = request.Get("silent", false);
        var storeHistory = request.Get("store_history", !silent) && !silent;
        var stopOnError = request.Get("stop_on_error", true);
        if (storeHistory) _executionCount++;
        var count = _executionCount;
        if (!silent) Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        using var output = new KernelOutput(_iopub!, request, request.Get("allow_stdin", false) ? _stdin : null, _plotly);
        // On the session's thread (Run hosts the shell loop there): the cell runs here and now.
        var result = _session.ExecuteAsync(code, new CellOptions { Name = $"In[{count}]", Output = silent ? NullScriptOutput.Instance : output }).GetAwaiter().GetResult();
        output.Flush();

        JsonObject reply;
        if (result.Error is { } error)
        {
            if (!silent) Publish("error", ErrorContent(error), request);
            reply = ErrorContent(error);
            reply["status"] = "error";
        }
        else
        {
            if (!silent && result.Formatted is { } value)
                Publish("execute_result", new JsonObject { ["execution_count"] = count, ["data"] = _plotly.Data(value, null, update: false), ["metadata"] = value.Metadata.DeepClone() }, request);
            reply = new JsonObject { ["status"] = "ok" };
        }
        reply["execution_count"] = count;
        reply["payload"] = output.Payloads();
        reply["user_expressions"] = result.Succeeded ? UserExpressions(request) : new JsonObject();
        if (storeHistory) _history.Add(count, code, result.Formatted?.PlainText);
        // What was queued before this reply goes out is aborted; a frontend that waits for the
        // reply before sending more is never affected.
        var queued = result.Error is not null && stopOnError ? Drain(socket) : [];
        Reply(socket, request, "execute_reply", reply);
        AbortQueued(socket, queued);
    }

    static JsonObject ErrorContent(ScriptError error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Message,
        ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode)l).ToArray()),
    };

    JsonObject UserExpressions(JupyterMessage request)
    {
        var results = new JsonObject();
        if (request.Content["user_expressions"] is not JsonObject expressions) return results;
        foreach (var (name, node) in expressions)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var expression)) continue;
            var result = _session.EvaluateAsync(expression, new CellOptions { Name = name }).GetAwaiter().GetResult();
            var entry = result.Error is { } error ? ErrorContent(error) : new JsonObject { ["data"] = (result.Formatted ?? Formatter.Format(result.Value)).ToJson(), ["metadata"] = new JsonObject() };
            entry["status"] = result.Error is null ? "ok" : "error";
            results[name] = entry;
        }
        return results;
    }

    /// <summary>The requests already waiting on <paramref name="socket"/>.</summary>
    List<JupyterMessage> Drain(ZmqSocket socket)
    {
        var queued = new List<JupyterMessage>();
        while (socket.Receive(0) is { } frames)
        {
            if (_codec.Decode(frames, out var problem) is { } request) queued.Add(request);
            else _log.Write($"shell: dropped a message: {problem}");
        }
        return queued;
    }

    /// <summary>
    /// After a failed cell with stop_on_error, answers the execute requests that were queued behind it
    /// with status "aborted" (a notebook's "run all" stops at the error); other requests are served.
    /// </summary>
    void AbortQueued(ZmqSocket socket, List<JupyterMessage> queued)
    {
        foreach (var request in queued)
        {
            if (request.Type != "execute_request")
            {
                Dispatch(request, socket, "shell");
                continue;
            }
            _iopub!.Status("busy", request.Header);
            Reply(socket, request, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
            _answered.TryRemove(request.Id, out _);
        }
    }
}
