using System.Text.Json.Nodes;
using Xunit;

namespace SegGanLab.Kernel.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public void ShutdownRequest_IsAnswered_AndRunReturns()
    {
        using var kernel = new RunningKernel();
        using var client = new KernelClient(kernel.Connection);
        var reply = client.Reply(client.Control, client.Send(client.Control, "shutdown_request", new JsonObject { ["restart"] = true }));
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        Assert.True(reply.Content["restart"]!.GetValue<bool>());
        Assert.True(kernel.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.True(kernel.Kernel.RestartRequested);
    }

    [Fact]
    public void ShutdownDuringARunningCell_InterruptsIt()
    {
        using var kernel = new RunningKernel();
        using var client = new KernelClient(kernel.Connection);
        client.AwaitIopub();
        var cell = client.Execute("Console.WriteLine(\"started\"); while (true) { Cancellation.ThrowIfCancellationRequested(); System.Threading.Thread.Sleep(5); }");
        Assert.True(client.WaitForStream(cell));
        client.Reply(client.Control, client.Send(client.Control, "shutdown_request", new JsonObject { ["restart"] = false }));
        Assert.True(kernel.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal("Interrupted", client.Reply(client.Shell, cell).Content["ename"]!.GetValue<string>());
    }

    [Fact]
    public void ShutdownDuringACellThatIgnoresInterrupts_LeavesItBehind_AndRunReturns()
    {
        var release = Path.Combine(Path.GetTempPath(), "seggan-release-" + Guid.NewGuid().ToString("N"));
        using var kernel = new RunningKernel("test-key-" + Guid.NewGuid().ToString("N"), shutdownGrace: TimeSpan.FromSeconds(0.5));
        using var client = new KernelClient(kernel.Connection);
        client.AwaitIopub();
        var cell = client.Execute($"Console.WriteLine(\"started\"); while (!System.IO.File.Exists(@\"{release}\")) System.Threading.Thread.Sleep(20);");
        Assert.True(client.WaitForStream(cell));
        Assert.Equal("ok", client.Reply(client.Control, client.Send(client.Control, "shutdown_request", new JsonObject { ["restart"] = false })).Content["status"]!.GetValue<string>());
        Assert.True(kernel.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Contains("leaving it behind", kernel.Log.ToString());
        // Released, the cell ends after its sockets were closed: its reply fails with ObjectDisposedException
        // (logged), rather than reaching a freed libzmq socket.
        File.WriteAllText(release, "");
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!kernel.Log.ToString().Contains("execute_request failed") && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Assert.Contains("ObjectDisposedException", kernel.Log.ToString());
        }
        finally { File.Delete(release); }
    }
}
