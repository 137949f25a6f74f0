using System.Runtime.InteropServices;
using SegGanLab.Torch.Native;

namespace SegGanLab.Torch;

/// <summary>
/// Owns one native <c>at::Tensor*</c>. Releasing it (from Dispose or the finalizer) only frees
/// native memory and updates the live count; it never touches other managed objects.
/// </summary>
internal sealed class TensorHandle : SafeHandle
{
    internal TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
        TensorStatistics.OnCreated();
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.sg_tensor_free(handle);
        TensorStatistics.OnReleased();
        return true;
    }
}

/// <summary>
/// Live and peak counts of tensors owned by .NET (every <see cref="Tensor"/> not yet disposed
/// or finalized). Tests use them to prove that a training step leaves nothing behind.
/// </summary>
public static class TensorStatistics
{
    static long _live, _peak, _created;

    /// <summary>Tensors currently alive.</summary>
    public static long Live => Interlocked.Read(ref _live);

    /// <summary>The most tensors alive at once since the start or the last <see cref="ResetPeak"/>.</summary>
    public static long Peak => Interlocked.Read(ref _peak);

    /// <summary>Tensors created since the process started.</summary>
    public static long Created => Interlocked.Read(ref _created);

    /// <summary>Native tensor handles alive inside the shim (should equal <see cref="Live"/>).</summary>
    public static long NativeLive => NativeMethods.sg_live_handles();

    /// <summary>Starts a new peak measurement from the current live count.</summary>
    public static void ResetPeak() => Interlocked.Exchange(ref _peak, Live);

    internal static void OnCreated()
    {
        Interlocked.Increment(ref _created);
        var live = Interlocked.Increment(ref _live);
        long peak;
        while (live > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, live, peak) != peak) { }
    }

    internal static void OnReleased() => Interlocked.Decrement(ref _live);
}
