using System.Text;
using System.Text.Json.Nodes;
using SegGanLab.Kernel.Messaging;
using Xunit;

namespace SegGanLab.Kernel.Tests;

/// <summary>The kernel seen through the wire: signatures, ordering, interrupt, stdin, aborts, comms.</summary>
public sealed class ProtocolTests : IClassFixture<ProtocolTests.Kernel>, IDisposable
{
    public sealed class Kernel : IDisposable
    {
        public RunningKernel Running { get; } = new();
        public void Dispose() => Running.Dispose();
    }

    readonly RunningKernel _kernel;
    readonly KernelClient _client;

    public ProtocolTests(Kernel fixture)
    {
        _kernel = fixture.Running;
        _client = new KernelClient(_kernel.Connection);
        _client.AwaitIopub();
    }

    public void Dispose() => _client.Dispose();

    static string Status(JupyterMessage m) => m.Content["execution_state"]!.GetValue<string>();

    [Fact]
    public void Execute_PublishesBusyInputOutputResultIdle_InOrder()
    {
        var id = _client.Execute("Console.WriteLine(\"out\");\n6 * 7");
        var reply = _client.Reply(_client.Shell, id);
        var iopub = _client.IopubUntilIdle(id);
        Assert.Equal("execute_reply", reply.Type);
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        var count = reply.Content["execution_count"]!.GetValue<int>();
        Assert.Equal(["status", "execute_input", "stream", "execute_result", "status"], iopub.Select(m => m.Type));
        Assert.Equal("busy", Status(iopub[0]));
        Assert.Equal(count, iopub[1].Content["execution_count"]!.GetValue<int>());
        Assert.Equal("out\n", iopub[2].Content["text"]!.GetValue<string>());
        Assert.Equal("42", iopub[3].Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(count, iopub[3].Content["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void FailedCell_SendsExactlyOneError_WithCellLines()
    {
        var id = _client.Execute("var a = 1;\nvar b = missing;");
        var reply = _client.Reply(_client.Shell, id);
        var outputs = _client.IopubUntilIdle(id).Where(m => m.Type is not ("status" or "execute_input")).ToList();
        var error = Assert.Single(outputs);
        Assert.Equal("error", error.Type);
        Assert.Equal("CompilationError", error.Content["ename"]!.GetValue<string>());
        var count = reply.Content["execution_count"]!.GetValue<int>();
        Assert.StartsWith($"In[{count}](2,9): error CS0103", error.Content["evalue"]!.GetValue<string>());
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
    }

    [Fact]
    public void BadAndReplayedSignatures_AreDropped_AndTheKernelKeepsWorking()
    {
        var forged = _client.Frames("execute_request", new JsonObject { ["code"] = "Console.WriteLine(\"forged\");" });
        forged[1] = Encoding.ASCII.GetBytes(new string('0', 64));
        _client.Shell.Send(forged);
        var valid = _client.Frames("kernel_info_request", new JsonObject());
        _client.Shell.Send(valid);
        _client.Shell.Send(valid);
        var reply = _client.Reply(_client.Shell, KernelClient.Id(valid));
        Assert.Equal("kernel_info_reply", reply.Type);
        // Neither the forged request nor the replayed copy got an answer.
        Assert.Null(_client.Receive(_client.Shell, TimeSpan.FromMilliseconds(500)));
        var log = _kernel.Log.ToString();
        Assert.Contains("dropped a message: bad signature", log);
        Assert.Contains("dropped a message: replayed signature", log);
        Assert.DoesNotContain(_client.IopubUntilIdle(KernelClient.Id(valid)), m => m.Type == "stream");
    }

    [Fact]
    public void KernelInfo_DescribesCSharp()
    {
        var reply = _client.Reply(_client.Control, _client.Send(_client.Control, "kernel_info_request", new JsonObject()));
        var language = reply.Content["language_info"]!;
        Assert.Equal("C#", language["name"]!.GetValue<string>());
        Assert.Equal(".cs", language["file_extension"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", language["mimetype"]!.GetValue<string>());
        Assert.Equal("5.3", reply.Content["protocol_version"]!.GetValue<string>());
        Assert.Contains("LibTorch", reply.Content["banner"]!.GetValue<string>());
    }

    [Fact]
    public void Interrupt_StopsAPollingCell_ThenTheNextCellRuns()
    {
        var id = _client.Execute("Console.WriteLine(\"started\"); while (true) { Cancellation.ThrowIfCancellationRequested(); Thread.Sleep(5); }");
        // Wait for the cell to be running (its first output), then interrupt on the control channel.
        Assert.True(_client.WaitForStream(id));
        var interrupt = _client.Reply(_client.Control, _client.Send(_client.Control, "interrupt_request", new JsonObject()));
        Assert.Equal("ok", interrupt.Content["status"]!.GetValue<string>());
        var reply = _client.Reply(_client.Shell, id);
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Equal("Interrupted", reply.Content["ename"]!.GetValue<string>());
        var next = _client.Reply(_client.Shell, _client.Execute("1 + 1"));
        Assert.Equal("ok", next.Content["status"]!.GetValue<string>());
    }

    [Fact]
    public void StopOnError_AbortsTheQueuedExecutions()
    {
        var failing = _client.Execute("System.Threading.Thread.Sleep(300); throw new Exception(\"first\");");
        var second = _client.Execute("Console.WriteLine(\"should not run\");");
        var third = _client.Execute("2");
        Assert.Equal("error", _client.Reply(_client.Shell, failing).Content["status"]!.GetValue<string>());
        Assert.Equal("aborted", _client.Reply(_client.Shell, second).Content["status"]!.GetValue<string>());
        Assert.Equal("aborted", _client.Reply(_client.Shell, third).Content["status"]!.GetValue<string>());
        Assert.Equal("ok", _client.Reply(_client.Shell, _client.Execute("3")).Content["status"]!.GetValue<string>());
    }

    [Fact]
    public void Input_AsksTheFrontendOnStdin()
    {
        var id = _client.Execute("\"hello \" + Input(\"name? \")", allowStdin: true);
        var request = _client.Receive(_client.Stdin, KernelClient.Patience)!;
        Assert.Equal("input_request", request.Type);
        Assert.Equal("name? ", request.Content["prompt"]!.GetValue<string>());
        _client.Send(_client.Stdin, "input_reply", new JsonObject { ["value"] = "Ada" }, request.Header);
        _client.Reply(_client.Shell, id);
        var result = _client.IopubUntilIdle(id).Single(m => m.Type == "execute_result");
        Assert.Equal("hello Ada", result.Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void UserExpressions_AreEvaluatedAfterTheCell()
    {
        var id = _client.Execute("var side = 5;", userExpressions: new JsonObject { ["area"] = "side * side", ["broken"] = "nope" });
        var expressions = _client.Reply(_client.Shell, id).Content["user_expressions"]!;
        Assert.Equal("ok", expressions["area"]!["status"]!.GetValue<string>());
        Assert.Equal("25", expressions["area"]!["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("error", expressions["broken"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void DisplayUpdates_CarryTheDisplayId()
    {
        var id = _client.Execute("var h = Display(\"a\"); h.Update(\"b\");");
        _client.Reply(_client.Shell, id);
        var messages = _client.IopubUntilIdle(id);
        var shown = messages.Single(m => m.Type == "display_data");
        var updated = messages.Single(m => m.Type == "update_display_data");
        Assert.Equal(shown.Content["transient"]!["display_id"]!.GetValue<string>(), updated.Content["transient"]!["display_id"]!.GetValue<string>());
        Assert.Equal("b", updated.Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void CommOpen_IsClosed_AndCommInfoIsEmpty()
    {
        var open = _client.Send(_client.Shell, "comm_open", new JsonObject { ["comm_id"] = "c1", ["target_name"] = "jupyter.widget", ["data"] = new JsonObject() });
        Assert.Contains(_client.IopubUntilIdle(open), m => m.Type == "comm_close" && m.Content["comm_id"]!.GetValue<string>() == "c1");
        var info = _client.Reply(_client.Shell, _client.Send(_client.Shell, "comm_info_request", new JsonObject()));
        Assert.Empty(info.Content["comms"]!.AsObject());
    }

    [Fact]
    public void Heartbeat_EchoesWhileACellRuns()
    {
        var id = _client.Execute("System.Threading.Thread.Sleep(1500);");
        Thread.Sleep(200);
        _client.Heartbeat.Send([Encoding.ASCII.GetBytes("ping")]);
        var echo = _client.Heartbeat.Receive(1000);
        Assert.NotNull(echo);
        Assert.Equal("ping", Encoding.ASCII.GetString(echo[0]));
        _client.Reply(_client.Shell, id);
    }

    [Fact]
    public void Complete_CountsCodePoints()
    {
        var code = "var s = \"😀\"; Math.Ab";
        var reply = _client.Reply(_client.Shell, _client.Send(_client.Shell, "complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = code.Length - 1 }));
        Assert.Equal(["Abs"], reply.Content["matches"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(code.Length - 3, reply.Content["cursor_start"]!.GetValue<int>());
    }
}
