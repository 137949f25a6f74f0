using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using SegGanLab.Experiments;
using SegGanLab.Kernel.Messaging;
using SegGanLab.Kernel.Zmq;
using SegGanLab.Scripting;
using SegGanLab.Training;

namespace SegGanLab.Kernel;

/// <summary>
/// The SegGanLab Jupyter kernel (messaging protocol 5.3) over libzmq. <see cref="Run"/> binds the
/// five sockets of the connection file to its address, publishes <c>starting</c>, then serves
/// shell requests on the scripting session's thread (where cells run), control requests (interrupt,
/// shutdown) on their own thread and echoes heartbeats on a third; each thread publishes its own
/// iopub messages. Every message's HMAC signature is checked; a bad or
/// replayed one is logged and dropped.
/// </summary>
/// <example><code>
/// var kernel = new JupyterKernel(ConnectionInfo.Load(path));
/// using var sigint = kernel.HandleInterruptSignal();
/// kernel.Run();   // returns after shutdown_request
/// </code></example>
public sealed partial class JupyterKernel : IDisposable
{
    const int PollMs = 100;

    readonly ConnectionInfo _connection;
    readonly KernelOptions _options;
    readonly KernelLog _log;
    readonly ScriptSession _session;
    readonly WireCodec _codec;
    readonly ExecutionHistory _history = new();
    readonly PlotlyPage _plotly = new();
    // Requests whose idle status went out with their reply; Dispatch publishes idle for the others.
    readonly ConcurrentDictionary<string, byte> _answered = new();
    readonly Func<Callback?> _progress;
    readonly TaskCompletionSource<ConnectionInfo> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    IopubPublisher? _iopub;
    StdinChannel? _stdin;
    volatile bool _stopping;
    DateTime _stopRequestedAt = DateTime.MaxValue;
    int _executionCount;

    /// <summary>Creates the kernel and starts warming the C# compiler up; nothing is bound until <see cref="Run"/>.</summary>
    public JupyterKernel(ConnectionInfo connection, KernelOptions? options = null)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _options = options ?? new KernelOptions();
        _log = _options.Log;
        _session = new ScriptSession(_options.Session);
        _codec = new WireCodec(new MessageSigner(connection.Key), Guid.NewGuid().ToString());
        // Experiments run in a cell show one live display that updates in place.
        var interval = _options.ProgressInterval;
        _progress = () => NotebookProgress.ForCurrentCell(interval);
        ExperimentHost.ProgressFactory = _progress;
    }

    /// <summary>Completes once the sockets are bound, with the ports actually bound (a port 0 in the connection file becomes a real one).</summary>
    public Task<ConnectionInfo> Bound => _bound.Task;

    /// <summary>True when the last shutdown request asked for a restart (the frontend starts a new kernel process).</summary>
    public bool RestartRequested { get; private set; }

    /// <summary>Interrupts the running cell, as an interrupt_request does.</summary>
    public void Interrupt() => _session.Interrupt();

    /// <summary>Handles SIGINT (Ctrl+C, or a frontend in signal mode) by interrupting the running cell instead of exiting.</summary>
    public IDisposable HandleInterruptSignal() => PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
    {
        context.Cancel = true;
        _log.Write("SIGINT: interrupting the running cell");
        Interrupt();
    });

    /// <summary>Serves until a shutdown request arrives or <paramref name="stop"/> is cancelled, then closes every socket.</summary>
    public void Run(CancellationToken stop = default)
    {
        using var context = new ZmqContext();
        var sockets = new List<IDisposable>();
        Heartbeat? heartbeat = null;
        Thread? control = null;
        try
        {
            var shell = Bind(context, ZmqNative.ROUTER, _connection.ShellPort, "shell", sockets, out var shellPort);
            var controlSocket = Bind(context, ZmqNative.ROUTER, _connection.ControlPort, "control", sockets, out var controlPort);
            var stdin = Bind(context, ZmqNative.ROUTER, _connection.StdinPort, "stdin", sockets, out var stdinPort);
            var iopub = Bind(context, ZmqNative.PUB, _connection.IopubPort, "iopub", sockets, out var iopubPort);
            var hb = Bind(context, ZmqNative.REP, _connection.HbPort, "heartbeat", sockets, out var hbPort);
            // From here on each socket belongs to the object (and thread) that closes it.
            sockets.Clear();
            sockets.Add(shell);
            sockets.Add(controlSocket);
            _iopub = new IopubPublisher(iopub, _codec, _log);
            _stdin = new StdinChannel(stdin, _codec, _log);
            heartbeat = new Heartbeat(hb);
            _iopub.Status("starting", null);
            control = new Thread(() => Serve(controlSocket, "control")) { IsBackground = true, Name = "Jupyter control" };
            control.Start();
            using var stopping = stop.Register(() => _stopping = true);
            _bound.TrySetResult(_connection with { ShellPort = shellPort, ControlPort = controlPort, StdinPort = stdinPort, IopubPort = iopubPort, HbPort = hbPort });
            _log.Write($"serving on {_connection.Endpoint(shellPort)} (shell); signatures {(_connection.Key.Length > 0 ? "checked" : "off: empty key")}");
            // Shell requests are served on the session's thread, so cells run where they arrive.
            WaitUntilServed(_session.Host(() => Serve(shell, "shell")));
        }
        catch (Exception e)
        {
            _bound.TrySetException(e);
            throw;
        }
        finally
        {
            _stopping = true;
            control?.Join();
            heartbeat?.Dispose();
            _stdin?.Dispose();
            _iopub?.Dispose();
            foreach (var s in sockets) s.Dispose();
        }
    }

    /// <summary>Stops accepting cells.</summary>
    public void Dispose()
    {
        if (ExperimentHost.ProgressFactory == _progress) ExperimentHost.ProgressFactory = null;
        _session.Dispose();
    }

    /// <summary>
    /// Waits for the shell loop to end; after a shutdown request, at most the shutdown grace for a cell
    /// that does not stop (it is left behind: the process exits).
    /// </summary>
    void WaitUntilServed(Task served)
    {
        while (!served.Wait(PollMs))
        {
            if (!_stopping) continue;
            // The cell may have started after the shutdown's interrupt: interrupt it again.
            _session.Interrupt();
            if (DateTime.UtcNow - _stopRequestedAt > _options.ShutdownGrace)
            {
                _log.Write($"a cell was still running {_options.ShutdownGrace.TotalSeconds:0.#} s after the shutdown request; leaving it behind");
                return;
            }
        }
        served.GetAwaiter().GetResult();
    }

    ZmqSocket Bind(ZmqContext context, int type, int port, string channel, List<IDisposable> owned, out int boundPort)
    {
        var socket = context.Socket(type);
        owned.Add(socket);
        if (type == ZmqNative.ROUTER) socket.SetOption(ZmqNative.ROUTER_HANDOVER, 1);
        var endpoint = _connection.Endpoint(port);
        string bound;
        try { bound = socket.Bind(endpoint); }
        catch (ZmqException e) { throw new ZmqException($"The {channel} channel cannot bind {endpoint} (from the connection file): {e.Message}", e.ErrorCode); }
        boundPort = _connection.Transport == "tcp" && int.TryParse(bound[(bound.LastIndexOf(':') + 1)..], out var p) ? p : port;
        return socket;
    }

    void Serve(ZmqSocket socket, string channel)
    {
        while (!_stopping)
        {
            if (socket.Receive(PollMs) is not { } frames) continue;
            var message = _codec.Decode(frames, out var problem);
            if (message is null)
            {
                _log.Write($"{channel}: dropped a message: {problem}");
                continue;
            }
            Dispatch(message, socket, channel);
        }
    }

    /// <summary>
    /// Answers <paramref name="request"/>: publishes its <c>idle</c> status, then sends the reply. Every
    /// iopub message of the request (its outputs, then idle) has been handed to libzmq by then, so a
    /// frontend that has the reply has them on the wire already (jupyter_kernel_test allows only 0.1 s
    /// between them after the reply).
    /// </summary>
    void Reply(ZmqSocket socket, JupyterMessage request, string msgType, JsonObject content)
    {
        if (_answered.TryAdd(request.Id, 0)) _iopub!.Status("idle", request.Header);
        socket.Send(_codec.Reply(request, msgType, content));
    }

    void Publish(string msgType, JsonObject content, JupyterMessage parent) => _iopub!.Publish(msgType, content, parent.Header);
}
