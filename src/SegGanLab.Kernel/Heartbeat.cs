using SegGanLab.Kernel.Zmq;

namespace SegGanLab.Kernel;

/// <summary>
/// The heartbeat: echoes every message on its REP socket from its own OS thread, so the frontend
/// sees the kernel alive while a cell keeps the other threads busy.
/// </summary>
internal sealed class Heartbeat : IDisposable
{
    const int PollMs = 100;

    readonly ZmqSocket _socket;
    readonly Thread _thread;
    volatile bool _stopping;

    public Heartbeat(ZmqSocket socket)
    {
        _socket = socket;
        _thread = new Thread(Loop) { IsBackground = true, Name = "Jupyter heartbeat" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _socket.Dispose();
    }

    void Loop()
    {
        while (!_stopping)
            if (_socket.Receive(PollMs) is { } frames) _socket.Send(frames);
    }
}
