using System.Runtime.InteropServices;
using System.Text;

namespace SegGanLab.Kernel.Zmq;

/// <summary>
/// A libzmq socket sending and receiving multipart messages. Like libzmq's sockets it is not
/// thread-safe: one thread owns it at a time.
/// </summary>
internal sealed unsafe class ZmqSocket : IDisposable
{
    // Pending outgoing messages (a shutdown reply, the last idle) get this long to leave on close.
    const int LingerMs = 1000;

    readonly SocketHandle _handle;

    public ZmqSocket(ZmqContext context, int type)
    {
        var socket = ZmqNative.zmq_socket(context.Handle, type);
        if (socket == IntPtr.Zero) throw ZmqException.Last($"zmq_socket(type {type})");
        _handle = new SocketHandle(socket);
        SetOption(ZmqNative.LINGER, LingerMs);
    }

    /// <summary>
    /// The native socket for one call: another thread that disposes this socket meanwhile (a shutdown
    /// leaving a cell behind on the thread that owns it) closes it only after the lease ends, and a
    /// lease on a closed socket throws <see cref="ObjectDisposedException"/> instead of reaching libzmq.
    /// </summary>
    Lease Use() => new(_handle);

    readonly ref struct Lease
    {
        readonly SafeHandle _handle;

        public Lease(SafeHandle handle)
        {
            var added = false;
            handle.DangerousAddRef(ref added);
            _handle = handle;
        }

        public IntPtr Socket => _handle.DangerousGetHandle();

        public void Dispose() => _handle.DangerousRelease();
    }

    /// <summary>Binds to <paramref name="endpoint"/> and returns the endpoint actually bound (a port 0 becomes a real port).</summary>
    public string Bind(string endpoint)
    {
        using var lease = Use();
        if (ZmqNative.zmq_bind(lease.Socket, endpoint) != 0) throw ZmqException.Last($"binding {endpoint}");
        return LastEndpoint;
    }

    /// <summary>Connects to <paramref name="endpoint"/>.</summary>
    public void Connect(string endpoint)
    {
        using var lease = Use();
        if (ZmqNative.zmq_connect(lease.Socket, endpoint) != 0) throw ZmqException.Last($"connecting to {endpoint}");
    }

    /// <summary>The last endpoint this socket bound.</summary>
    public string LastEndpoint
    {
        get
        {
            var buffer = stackalloc byte[512];
            nuint length = 512;
            using var lease = Use();
            if (ZmqNative.zmq_getsockopt(lease.Socket, ZmqNative.LAST_ENDPOINT, buffer, &length) != 0) throw ZmqException.Last("reading the bound endpoint");
            return Encoding.UTF8.GetString(buffer, (int)length).TrimEnd('\0');
        }
    }

    public void SetOption(int option, int value)
    {
        using var lease = Use();
        if (ZmqNative.zmq_setsockopt(lease.Socket, option, &value, sizeof(int)) != 0) throw ZmqException.Last($"setting socket option {option}");
    }

    public void SetOption(int option, ReadOnlySpan<byte> value)
    {
        using var lease = Use();
        fixed (byte* p = value)
            if (ZmqNative.zmq_setsockopt(lease.Socket, option, p, (nuint)value.Length) != 0) throw ZmqException.Last($"setting socket option {option}");
    }

    /// <summary>Sends <paramref name="frames"/> as one multipart message.</summary>
    public void Send(IReadOnlyList<byte[]> frames)
    {
        using var lease = Use();
        for (var i = 0; i < frames.Count; i++)
        {
            var flags = i < frames.Count - 1 ? ZmqNative.SNDMORE : 0;
            fixed (byte* p = frames[i])
            {
                while (ZmqNative.zmq_send(lease.Socket, p, (nuint)frames[i].Length, flags) < 0)
                {
                    var reason = ZmqNative.LastError(out var code);
                    if (code != ZmqNative.EINTR) throw new ZmqException($"zmq_send failed: {reason}", code);
                }
            }
        }
    }

    /// <summary>True when a message can be read within <paramref name="timeoutMs"/> (-1: wait forever).</summary>
    public bool Poll(int timeoutMs)
    {
        using var lease = Use();
        var item = new ZmqNative.PollItem { Socket = lease.Socket, Events = ZmqNative.POLLIN };
        var n = ZmqNative.zmq_poll(&item, 1, timeoutMs);
        if (n < 0)
        {
            var reason = ZmqNative.LastError(out var code);
            // A signal (Ctrl+C delivered to the process) interrupts the wait: report "nothing yet".
            return code == ZmqNative.EINTR ? false : throw new ZmqException($"zmq_poll failed: {reason}", code);
        }
        return (item.Revents & ZmqNative.POLLIN) != 0;
    }

    /// <summary>The next multipart message, or null when none arrives within <paramref name="timeoutMs"/>.</summary>
    public List<byte[]>? Receive(int timeoutMs)
    {
        if (!Poll(timeoutMs)) return null;
        using var lease = Use();
        var frames = new List<byte[]>();
        ZmqNative.Message message;
        while (true)
        {
            ZmqNative.zmq_msg_init(&message);
            try
            {
                // The first part is there (poll said so) and libzmq delivers multipart messages whole.
                if (ZmqNative.zmq_msg_recv(&message, lease.Socket, frames.Count == 0 ? ZmqNative.DONTWAIT : 0) < 0)
                {
                    var reason = ZmqNative.LastError(out var code);
                    if (frames.Count == 0 && code is ZmqNative.EAGAIN or ZmqNative.EINTR) return null;
                    throw new ZmqException($"zmq_msg_recv failed: {reason}", code);
                }
                var size = (int)ZmqNative.zmq_msg_size(&message);
                frames.Add(new ReadOnlySpan<byte>((void*)ZmqNative.zmq_msg_data(&message), size).ToArray());
                if (ZmqNative.zmq_msg_more(&message) == 0) return frames;
            }
            finally { ZmqNative.zmq_msg_close(&message); }
        }
    }

    public void Dispose() => _handle.Dispose();

    sealed class SocketHandle : SafeHandle
    {
        public SocketHandle(IntPtr socket) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(socket);

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle() => ZmqNative.zmq_close(handle) == 0;
    }
}
