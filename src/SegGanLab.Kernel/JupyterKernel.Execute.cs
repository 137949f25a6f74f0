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

        using var output = new KernelOutput(_iopub!, request, request.Get("allow_stdin", false) ? _stdin : null);
        var cell = _session.ExecuteAsync(code, new CellOptions { Name = $"In[{count}]", Output = silent ? NullScriptOutput.Instance : output });
        if (Await(cell) is not { } result)
        {
            _log.Write($"In[{count}] was still running {_options.ShutdownGrace.TotalSeconds:0.#} s after the shutdown request; leaving it behind");
            return;
        }
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
                Publish("execute_result", new JsonObject { ["execution_count"] = count, ["data"] = value.ToJson(), ["metadata"] = value.Metadata.DeepClone() }, request);
            reply = new JsonObject { ["status"] = "ok" };
        }
        reply["execution_count"] = count;
        reply["payload"] = output.Payloads();
        reply["user_expressions"] = result.Succeeded ? UserExpressions(request) : new JsonObject();
        if (storeHistory) _history.Add(count, code, result.Formatted?.PlainText);
        Reply(socket, request, "execute_reply", reply);
        if (result.Error is not null && stopOnError) AbortQueued(socket);
    }

    /// <summary>The cell's result, or null when a shutdown gave up waiting for it.</summary>
    CellResult? Await(Task<CellResult> cell)
    {
        while (!cell.Wait(PollMs))
            if (_stopping && DateTime.UtcNow - _stopRequestedAt > _options.ShutdownGrace) return null;
        return cell.Result;
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

    /// <summary>
    /// After a failed cell with stop_on_error, answers the execute requests already queued with
    /// status "aborted" (the notebook's "run all" stops at the error); other requests are served.
    /// </summary>
    void AbortQueued(ZmqSocket socket)
    {
        while (!_stopping && socket.Receive(0) is { } frames)
        {
            if (_codec.Decode(frames, out var problem) is not { } request)
            {
                _log.Write($"shell: dropped a message: {problem}");
                continue;
            }
            if (request.Type != "execute_request")
            {
                Dispatch(request, socket, "shell");
                continue;
            }
            _iopub!.Status("busy", request.Header);
            Reply(socket, request, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
            _iopub.Status("idle", request.Header);
        }
    }
}
