using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Xunit;

namespace SegGanLab.Kernel.Tests;

/// <summary>The real kernel process: Ctrl+C (SIGINT) interrupts the running cell instead of killing the kernel.</summary>
public sealed partial class SignalTests : IDisposable
{
    readonly string _connectionFile = Path.GetTempFileName();

    public void Dispose() => File.Delete(_connectionFile);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    const int SIGINT = 2;

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void Sigint_InterruptsTheRunningCell_AndTheKernelKeepsServing()
    {
        var info = new ConnectionInfo
        {
            Transport = "tcp", Ip = "127.0.0.1", ShellPort = FreePort(), IopubPort = FreePort(), StdinPort = FreePort(),
            ControlPort = FreePort(), HbPort = FreePort(), SignatureScheme = "hmac-sha256", Key = Guid.NewGuid().ToString(),
        };
        File.WriteAllText(_connectionFile, new JsonObject
        {
            ["transport"] = info.Transport, ["ip"] = info.Ip, ["shell_port"] = info.ShellPort, ["iopub_port"] = info.IopubPort,
            ["stdin_port"] = info.StdinPort, ["control_port"] = info.ControlPort, ["hb_port"] = info.HbPort,
            ["signature_scheme"] = info.SignatureScheme, ["key"] = info.Key,
        }.ToJsonString());
        using var process = JupyterTools.StartKernel(_connectionFile);
        try
        {
            using var client = new KernelClient(info);
            client.AwaitIopub();
            var cell = client.Execute("Console.WriteLine(\"started\"); while (true) { Cancellation.ThrowIfCancellationRequested(); System.Threading.Thread.Sleep(5); }");
            Assert.True(client.WaitForStream(cell));
            Assert.Equal(0, kill(process.Id, SIGINT));
            Assert.Equal("Interrupted", client.Reply(client.Shell, cell).Content["ename"]!.GetValue<string>());
            Assert.Equal("ok", client.Reply(client.Shell, client.Execute("1 + 1")).Content["status"]!.GetValue<string>());
            client.Reply(client.Control, client.Send(client.Control, "shutdown_request", new JsonObject { ["restart"] = false }));
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
