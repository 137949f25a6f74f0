using SegGanLab.Torch;

namespace SegGanLab.Training;

/// <summary>
/// Everything a checkpoint holds, by name: the models, their optimizers and LR schedulers, the
/// recipe's own random generators, extra tensors (an image pool, say) and strings (the data
/// order position). A recipe fills one of these once; <see cref="Checkpoint.Save"/> writes it and
/// <see cref="Checkpoint.Load"/> restores it in place, so a resumed run continues exactly where the
/// saved one was. The global CPU generator is always included.
/// </summary>
public sealed class TrainingState
{
    /// <summary>Models by role ("G", "D", ...).</summary>
    public Dictionary<string, torch.nn.Module> Modules { get; } = new(StringComparer.Ordinal);

    /// <summary>Optimizers by role.</summary>
    public Dictionary<string, Optimizer> Optimizers { get; } = new(StringComparer.Ordinal);

    /// <summary>LR schedulers by role.</summary>
    public Dictionary<string, LRScheduler> Schedulers { get; } = new(StringComparer.Ordinal);

    /// <summary>Random generators owned by the recipe (noise, pools, blur kernels).</summary>
    public Dictionary<string, Generator> Generators { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Extra state that is not a module, optimizer or generator: read when saving, given back by
    /// <see cref="Checkpoint.Load"/>. Strings (e.g. the data loader's position) and tensors (e.g.
    /// an image pool's contents).
    /// </summary>
    public Func<CheckpointExtras>? SaveExtras { get; set; }

    /// <summary>
    /// Restores what <see cref="SaveExtras"/> produced; called by <see cref="Checkpoint.Load"/>. Throw
    /// <see cref="InvalidDataException"/> for extras that do not fit (Load reports it with the file).
    /// </summary>
    public Action<CheckpointExtras>? LoadExtras { get; set; }
}

/// <summary>
/// The recipe-specific part of a checkpoint. The tensors belong to whoever holds this object:
/// <see cref="Checkpoint.Save"/> only reads them; after <see cref="Checkpoint.Load"/>, the
/// <see cref="TrainingState.LoadExtras"/> callback owns (copies or keeps) them.
/// </summary>
public sealed class CheckpointExtras
{
    /// <summary>Named strings.</summary>
    public Dictionary<string, string> Strings { get; } = new(StringComparer.Ordinal);

    /// <summary>Named tensors.</summary>
    public Dictionary<string, Tensor> Tensors { get; } = new(StringComparer.Ordinal);
}
