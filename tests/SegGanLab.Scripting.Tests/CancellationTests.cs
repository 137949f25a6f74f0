using SegGanLab.Scripting;
using Xunit;

namespace SegGanLab.Scripting.Tests;

public sealed class CancellationTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    readonly ScriptSession _session = fixture.Session;

    [Fact]
    public async Task Interrupt_StopsACellThatPollsTheToken_AndTheNextCellRuns()
    {
        var output = new RecordingOutput();
        var running = _session.ExecuteAsync("Console.Write(\"started\"); var steps = 0; while (true) { Cancellation.ThrowIfCancellationRequested(); steps++; Thread.Sleep(1); }",
            new CellOptions { Output = output });
        Assert.True(SpinWait.SpinUntil(() => output.Out == "started", TimeSpan.FromSeconds(30)), output.Error);
        _session.Interrupt();
        var result = await running;
        Assert.True(result.Error!.Interrupted);
        Assert.Equal("Interrupted", result.Error.Name);
        Assert.True((int)_session.RunOk("steps").Value! > 0);
    }

    [Fact]
    public void Interrupt_WhenIdle_DoesNothing()
    {
        _session.Interrupt();
        Assert.Equal(2, _session.RunOk("1 + 1").Value);
    }
}
