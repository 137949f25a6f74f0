using System.Runtime.InteropServices;
using SegGanLab.Scripting;

namespace SegGanLab.Cli;

/// <summary>
/// Ctrl+C during <c>seggan run</c>. The first SIGINT cancels cooperatively: <see cref="Token"/>
/// (the process-wide <c>ExperimentHost.Cancellation</c>) and the running script's
/// <c>Cancellation</c>, so training stops at the next step boundary and writes its checkpoint. A
/// second SIGINT exits at once with <see cref="ExitCodes.Cancelled"/>.
/// </summary>
internal sealed class InterruptHandler : IDisposable
{
    readonly CancellationTokenSource _cancellation = new();
    readonly PosixSignalRegistration _registration;
    int _count;

    /// <summary>Handles SIGINT for <paramref name="session"/> until disposed; messages go through <paramref name="output"/> (above a live display).</summary>
    public InterruptHandler(ScriptSession session, IScriptOutput output)
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref _count) == 1)
            {
                output.Write(ConsoleStream.Error, "\nInterrupted: stopping at the next step boundary and saving a checkpoint (press Ctrl+C again to exit now).\n");
                _cancellation.Cancel();
                session.Interrupt();
                return;
            }
            output.Write(ConsoleStream.Error, "\nInterrupted again: exiting now; the last checkpoint written is kept.\n");
            output.Flush();
            Environment.Exit(ExitCodes.Cancelled);
        });
    }

    /// <summary>Cancelled by the first Ctrl+C.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>True once Ctrl+C was pressed.</summary>
    public bool Interrupted => Volatile.Read(ref _count) > 0;

    /// <inheritdoc/>
    public void Dispose()
    {
        _registration.Dispose();
        _cancellation.Dispose();
    }
}
