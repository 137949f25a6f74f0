namespace SegGanLab.Kernel.Zmq;

/// <summary>A libzmq call failed; the message names the call, the endpoint or socket and libzmq's reason.</summary>
public sealed class ZmqException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZmqException(string message, int errorCode) : base(message) => ErrorCode = errorCode;

    /// <summary>libzmq's errno.</summary>
    public int ErrorCode { get; }

    internal static ZmqException Last(string what)
    {
        var reason = ZmqNative.LastError(out var code);
        return new ZmqException($"{what} failed: {reason}", code);
    }
}
