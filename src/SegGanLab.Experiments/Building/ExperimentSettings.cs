using System.Collections.Immutable;
using SegGanLab.Losses;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// What the common verbs set, immutable: every verb returns a builder over a changed copy, so one
/// experiment can branch into variants (<c>var a = baseline.Loss(CE); var b = baseline.Loss(Dice);</c>).
/// Null means "the recipe's default".
/// </summary>
internal sealed record ExperimentSettings
{
    public DataSpec? Data { get; init; }

    /// <summary>Models by the verb that set them: <c>segmenter</c>, <c>generator</c>, <c>discriminator</c>.</summary>
    public ImmutableDictionary<string, ModelSpec> Models { get; init; } = ImmutableDictionary<string, ModelSpec>.Empty;

    public LossExpression? Loss { get; init; }
    public LossExpression? DiscriminatorLoss { get; init; }
    public OptimizerSpec? Optimizer { get; init; }
    public OptimizerSpec? DiscriminatorOptimizer { get; init; }

    /// <summary>The optimizer of a recipe's second generator (gan-augmented's pair generator).</summary>
    public OptimizerSpec? GeneratorOptimizer { get; init; }
    public ScheduleSpec? Schedule { get; init; }

    /// <summary>Steps, or null when <see cref="Epochs"/> (or the default) says how long.</summary>
    public long? Steps { get; init; }
    public double? Epochs { get; init; }
    public int? Batch { get; init; }
    public long Seed { get; init; }
    public string Device { get; init; } = "cpu";
    public long? EvaluateEvery { get; init; }
    public long? CheckpointEvery { get; init; }
    public string? Name { get; init; }
    public ImmutableArray<Callback> Callbacks { get; init; } = [];

    /// <summary>The semi recipe's labelled share of the training data (null: all labelled); the rest is used without its labels.</summary>
    public double? LabelledFraction { get; init; }

    /// <summary>The semi recipe's unlabelled images: the training split of this data (its labels are not read).</summary>
    public DataSpec? UnlabelledData { get; init; }

    /// <summary>A run folder or checkpoint whose weights Evaluate and Predict use.</summary>
    public string? Weights { get; init; }
}

/// <summary>
/// One model a recipe trains: its checkpoint role (<c>G</c>, <c>D</c>), the part name options.json
/// records it under, the verbs that set it, the model type the recipe needs, the channel counts it
/// takes from the data and the recipe's default, if it has one.
/// </summary>
internal sealed record ModelRole(string Key, string Part, IReadOnlyList<string> Verbs, Type ModelType, Func<OpenedData, ChannelPlan> Plan, ModelSpec? Default = null);
