using System.Runtime.InteropServices;

namespace SegGanLab.Imaging.Jpeg;

/// <summary>A TurboJPEG decompressor instance, destroyed when released.</summary>
internal sealed class TurboJpegHandle : SafeHandle
{
    TurboJpegHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>A new decompressor; throws when TurboJPEG cannot create one.</summary>
    public static TurboJpegHandle CreateDecompressor()
    {
        var h = new TurboJpegHandle();
        h.SetHandle(TurboJpeg.tjInitDecompress());
        if (h.IsInvalid)
            throw new InvalidOperationException($"libjpeg-turbo could not create a decompressor: {TurboJpeg.LastError(IntPtr.Zero)}");
        return h;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => TurboJpeg.tjDestroy(handle) == 0;
}
