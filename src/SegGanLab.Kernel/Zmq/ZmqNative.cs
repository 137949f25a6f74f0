using System.Runtime.InteropServices;

namespace SegGanLab.Kernel.Zmq;

/// <summary>The part of libzmq's C API the kernel uses (Debian's <c>libzmq.so.5</c>, ZeroMQ 4.x).</summary>
internal static unsafe partial class ZmqNative
{
    const string Library = "libzmq.so.5";

    public const int PUB = 1, SUB = 2, REQ = 3, REP = 4, DEALER = 5, ROUTER = 6;
    public const int SUBSCRIBE = 6, ROUTING_ID = 5, LINGER = 17, LAST_ENDPOINT = 32, ROUTER_HANDOVER = 56;
    public const int DONTWAIT = 1, SNDMORE = 2;
    public const short POLLIN = 1;
    public const int EAGAIN = 11, EINTR = 4;

    /// <summary>zmq_msg_t: 64 opaque bytes, pointer-aligned.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Message
    {
        long _0, _1, _2, _3, _4, _5, _6, _7;
    }

    /// <summary>zmq_pollitem_t on POSIX (the fd is an int).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollItem
    {
        public IntPtr Socket;
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Library)] public static partial IntPtr zmq_ctx_new();
    [LibraryImport(Library)] public static partial int zmq_ctx_term(IntPtr context);
    [LibraryImport(Library)] public static partial IntPtr zmq_socket(IntPtr context, int type);
    [LibraryImport(Library)] public static partial int zmq_close(IntPtr socket);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial int zmq_bind(IntPtr socket, string endpoint);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial int zmq_connect(IntPtr socket, string endpoint);
    [LibraryImport(Library)] public static partial int zmq_setsockopt(IntPtr socket, int option, void* value, nuint length);
    [LibraryImport(Library)] public static partial int zmq_getsockopt(IntPtr socket, int option, void* value, nuint* length);
    [LibraryImport(Library)] public static partial int zmq_send(IntPtr socket, byte* buffer, nuint length, int flags);
    [LibraryImport(Library)] public static partial int zmq_msg_init(Message* message);
    [LibraryImport(Library)] public static partial int zmq_msg_recv(Message* message, IntPtr socket, int flags);
    [LibraryImport(Library)] public static partial IntPtr zmq_msg_data(Message* message);
    [LibraryImport(Library)] public static partial nuint zmq_msg_size(Message* message);
    [LibraryImport(Library)] public static partial int zmq_msg_more(Message* message);
    [LibraryImport(Library)] public static partial int zmq_msg_close(Message* message);
    [LibraryImport(Library)] public static partial int zmq_poll(PollItem* items, int count, nint timeoutMs);
    [LibraryImport(Library)] public static partial int zmq_errno();
    [LibraryImport(Library)] public static partial IntPtr zmq_strerror(int error);
    [LibraryImport(Library)] public static partial void zmq_version(int* major, int* minor, int* patch);

    /// <summary>The message of the last error on this thread.</summary>
    public static string LastError(out int code)
    {
        code = zmq_errno();
        return Marshal.PtrToStringUTF8(zmq_strerror(code)) ?? $"error {code}";
    }
}
