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
}
