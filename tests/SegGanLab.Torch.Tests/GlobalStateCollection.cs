using Xunit;

namespace SegGanLab.Torch.Tests;

/// <summary>
/// Tests that read or change process-wide LibTorch state (live tensor counts, the global RNG,
/// the intra-op thread count) run in this collection, alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalStateCollection
{
    /// <summary>The collection name for [Collection(...)].</summary>
    public const string Name = "Process-wide LibTorch state";
}
