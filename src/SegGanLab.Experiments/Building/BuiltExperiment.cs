using SegGanLab.Losses;
using SegGanLab.Torch;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// An experiment built from its settings: data, models on their device, optimizers, schedulers,
/// losses, the recipe, the trainer's options and the options.json record. Disposing it frees what
/// the experiment created; models the caller passed in (<see cref="ModelSpec.FromModule"/>) stay usable.
/// </summary>
internal sealed class BuiltExperiment : IDisposable
{
    public required string RecipeName { get; init; }
    public required string Name { get; init; }
    public required long Seed { get; init; }
    public required OpenedData Data { get; init; }
    public required SegmentationData Loaders { get; init; }

    /// <summary>The unlabelled training images (the semi recipe's), or null.</summary>
    public SegGanLab.Data.DataLoader? Unlabelled { get; init; }
    public required Device Device { get; init; }

    /// <summary>Models by checkpoint role (<c>G</c>, <c>D</c>).</summary>
    public required IReadOnlyDictionary<string, torch.nn.Module> Models { get; init; }

    /// <summary>How each role's model was given and the channel counts the data asked of it.</summary>
    public required IReadOnlyDictionary<string, (ModelSpec Spec, ChannelPlan Plan)> Specs { get; init; }

    /// <summary>The roles whose models the experiment built (and disposes).</summary>
    public required IReadOnlySet<string> Owned { get; init; }

    public required LossExpression Loss { get; init; }
    public LossExpression? DiscriminatorLoss { get; init; }
    public Dictionary<string, Optimizer> Optimizers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, LRScheduler> Schedulers { get; } = new(StringComparer.Ordinal);
    public required long Steps { get; init; }
    public required double Scale { get; init; }
    public required TrainerOptions Trainer { get; init; }
    public List<OptionValue> Options { get; } = [];
    public Recipe? Recipe { get; set; }

    public void Dispose()
    {
        if (Recipe is not null)
        {
            // The recipe disposes everything in its state: keep the caller's modules out of it.
            foreach (var role in Models.Keys.Where(r => !Owned.Contains(r))) Recipe.State.Modules.Remove(role);
            Recipe.Dispose();
            Recipe = null;
            return;
        }
        foreach (var o in Optimizers.Values) o.Dispose();
        foreach (var (role, m) in Models)
            if (Owned.Contains(role)) m.Dispose();
    }
}
