using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>The recipes' own random generators.</summary>
internal static class RecipeRandom
{
    /// <summary>
    /// A generator seeded from the global one when the recipe is built (so <c>torch.manual_seed</c>
    /// before building fixes it); its state is saved with checkpoints once registered in the
    /// recipe's <see cref="TrainingState.Generators"/>.
    /// </summary>
    public static Generator Create()
    {
        using var seed = randint(0, long.MaxValue, [1]);
        return new Generator((ulong)seed.item<long>());
    }
}
