using SegGanLab.Kernel;

namespace SegGanLab.Kernel.Tests;

/// <summary>A kernel served on a background thread of the test process, on ports libzmq picks.</summary>
public sealed class RunningKernel : IDisposable
{
    readonly JupyterKernel _kernel;
    readonly Thread _thread;
    readonly CancellationTokenSource _stop = new();
    Exception? _failure;

    public RunningKernel() : this("test-key-" + Guid.NewGuid().ToString("N")) { }

    public RunningKernel(string key, TimeSpan? shutdownGrace = null)
    {
        Log = new StringWriter();
        var requested = new ConnectionInfo
        {
            Transport = "tcp", Ip = "127.0.0.1", ShellPort = 0, IopubPort = 0, StdinPort = 0, ControlPort = 0, HbPort = 0,
            SignatureScheme = "hmac-sha256", Key = key,
        };
        _kernel = new JupyterKernel(requested, new KernelOptions
        {
            Log = new KernelLog(TextWriter.Synchronized(Log)),
            ShutdownGrace = shutdownGrace ?? new KernelOptions().ShutdownGrace,
        });
        _thread = new Thread(() =>
        {
            try { _kernel.Run(_stop.Token); }
            catch (Exception e) { _failure = e; }
        }) { IsBackground = true, Name = "test kernel" };
        _thread.Start();
        Connection = _kernel.Bound.GetAwaiter().GetResult();
    }

    public ConnectionInfo Connection { get; }

    public StringWriter Log { get; }

    public JupyterKernel Kernel => _kernel;

    /// <summary>True once Run has returned (after a shutdown request).</summary>
    public bool WaitForExit(TimeSpan timeout) => _thread.Join(timeout) && _failure is null;

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(30));
        _kernel.Dispose();
    }
}
