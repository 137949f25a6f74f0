using SegGanLab.Scripting;
using Xunit;

namespace SegGanLab.Scripting.Tests;

/// <summary>A host's request loop on the session's thread (the kernel's shell channel) runs its cells inline.</summary>
public sealed class HostTests : IDisposable
{
    readonly ScriptSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public async Task CellsStartedByTheHostedLoop_RunInline_AndKeepTheSessionsState()
    {
        var completedAtOnce = new List<bool>();
        object? value = null;
        await _session.Host(() =>
        {
            var declare = _session.ExecuteAsync("var x = 20;");
            completedAtOnce.Add(declare.IsCompleted);
            var evaluate = _session.ExecuteAsync("x + 1");
            completedAtOnce.Add(evaluate.IsCompleted);
            value = evaluate.Result.Value;
        });
        Assert.Equal([true, true], completedAtOnce);
        Assert.Equal(21, value);
        // Cells from other threads are queued to the session's thread as before.
        Assert.Equal(22, _session.RunOk("x + 2").Value);
    }

    [Fact]
    public async Task AnInlineCellCanBeInterruptedFromAnotherThread()
    {
        CellResult? result = null;
        var hosted = _session.Host(() => result = _session.ExecuteAsync("while (true) Cancellation.ThrowIfCancellationRequested();").Result);
        // The loop cell is running once the session is busy with it; interrupt until it stops.
        while (!hosted.IsCompleted)
        {
            _session.Interrupt();
            await Task.WhenAny(hosted, Task.Delay(50));
        }
        await hosted;
        Assert.Equal(ScriptError.InterruptedName, result!.Error!.Name);
        Assert.Equal(3, _session.RunOk("1 + 2").Value);
    }

    [Fact]
    public async Task ALoopThatThrows_FailsItsTask()
    {
        var hosted = _session.Host(() => throw new InvalidOperationException("the host's own failure"));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => hosted);
        Assert.Equal("the host's own failure", e.Message);
        Assert.Equal(3, _session.RunOk("1 + 2").Value);
    }
}
