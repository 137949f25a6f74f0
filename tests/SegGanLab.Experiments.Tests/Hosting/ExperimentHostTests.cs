using SegGanLab.Scripting;
using Xunit;

namespace SegGanLab.Experiments.Tests;

public sealed class ExperimentHostTests : IDisposable
{
    public void Dispose() => ExperimentHost.Cancellation = CancellationToken.None;

    [Fact]
    public void Cancellation_CannotBeCancelled_WhenNoHostSetOne()
    {
        Assert.False(ExperimentHost.Cancellation.CanBeCanceled);
    }

    [Fact]
    public void Cancellation_IsTheProcessWideToken_OutsideScopes()
    {
        using var ctrlC = new CancellationTokenSource();
        ExperimentHost.Cancellation = ctrlC.Token;
        Assert.Equal(ctrlC.Token, ExperimentHost.Cancellation);
    }

    [Fact]
    public async Task Scope_AppliesUntilDisposed_AndFlowsIntoTasks()
    {
        using var cell = new CancellationTokenSource();
        using (ExperimentHost.UseCancellation(cell.Token))
        {
            Assert.Equal(cell.Token, ExperimentHost.Cancellation);
            Assert.Equal(cell.Token, await Task.Run(() => ExperimentHost.Cancellation));
        }
        Assert.False(ExperimentHost.Cancellation.CanBeCanceled);
    }

    [Fact]
    public void ScopeAndProcessTokens_EitherOneCancels()
    {
        using var ctrlC = new CancellationTokenSource();
        using var cell = new CancellationTokenSource();
        using var other = new CancellationTokenSource();
        ExperimentHost.Cancellation = ctrlC.Token;
        using (ExperimentHost.UseCancellation(cell.Token))
        {
            var combined = ExperimentHost.Cancellation;
            Assert.Equal(combined, ExperimentHost.Cancellation);   // the same token while nothing changes
            cell.Cancel();
            Assert.True(combined.IsCancellationRequested);
        }
        using (ExperimentHost.UseCancellation(other.Token))
        {
            var combined = ExperimentHost.Cancellation;
            Assert.False(combined.IsCancellationRequested);
            ctrlC.Cancel();
            Assert.True(combined.IsCancellationRequested);
        }
    }

    [Fact]
    public void NestedScopes_CancelWithTheOuterOne()
    {
        using var outer = new CancellationTokenSource();
        using var inner = new CancellationTokenSource();
        using (ExperimentHost.UseCancellation(outer.Token))
        using (ExperimentHost.UseCancellation(inner.Token))
        {
            var combined = ExperimentHost.Cancellation;
            outer.Cancel();
            Assert.True(combined.IsCancellationRequested);
        }
    }

    [Fact]
    public async Task ScriptCell_SeesItsInterrupt_ThroughTheHost()
    {
        using var session = new ScriptSession();
        var running = session.ExecuteAsync("""
            var token = SegGanLab.Experiments.ExperimentHost.Cancellation;
            AppDomain.CurrentDomain.SetData("experiments-test-cell", "running");
            while (!token.IsCancellationRequested) Thread.Sleep(5);
            AppDomain.CurrentDomain.SetData("experiments-test-cell", "stopped");
            """);
        // Interrupting while the cell still compiles would stop the compilation: wait until it runs.
        while (AppDomain.CurrentDomain.GetData("experiments-test-cell") is null && !running.IsCompleted) await Task.Delay(10);
        session.Interrupt();
        var result = await running;
        // The host's token stopped the loop, the cell ran to its end, and the session still reports the
        // interrupt (so a kernel aborts the queued cells, as after any interrupt).
        Assert.Equal("stopped", AppDomain.CurrentDomain.GetData("experiments-test-cell"));
        Assert.True(result.Error is { Interrupted: true }, $"expected an interrupted cell, got {result.Error}");
    }
}
