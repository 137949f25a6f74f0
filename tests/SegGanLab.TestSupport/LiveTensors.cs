using SegGanLab.Torch;

namespace SegGanLab.Tests;

/// <summary>Live-tensor counts that leak tests can compare.</summary>
public static class LiveTensors
{
    /// <summary>
    /// The live count once tensors that earlier tests dropped without disposing have been
    /// finalized. Read the starting count of a leak test with this: a finalizer that runs during
    /// the test would otherwise lower the count and look like a leak (or hide one).
    /// </summary>
    public static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return TensorStatistics.Live;
    }
}
