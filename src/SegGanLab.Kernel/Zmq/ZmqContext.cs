using System.Runtime.InteropServices;

namespace SegGanLab.Kernel.Zmq;

/// <summary>A libzmq context: the owner of sockets and I/O threads. Close every socket before disposing it.</summary>
internal sealed class ZmqContext : IDisposable
{
    readonly ContextHandle _handle;

    public ZmqContext()
    {
        var context = ZmqNative.zmq_ctx_new();
        if (context == IntPtr.Zero) throw ZmqException.Last("zmq_ctx_new");
        _handle = new ContextHandle(context);
    }

    internal IntPtr Handle => _handle.IsClosed ? throw new ObjectDisposedException(nameof(ZmqContext)) : _handle.DangerousGetHandle();

    /// <summary>A new socket of <paramref name="type"/> (<see cref="ZmqNative.ROUTER"/>, ...).</summary>
    public ZmqSocket Socket(int type) => new(this, type);

    /// <summary>Terminates the context (waits for sockets' linger periods).</summary>
    public void Dispose() => _handle.Dispose();

    sealed class ContextHandle : SafeHandle
    {
        public ContextHandle(IntPtr context) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(context);

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle() => ZmqNative.zmq_ctx_term(handle) == 0;
    }
}
