using SegGanLab.Torch;

namespace SegGanLab.Training;

/// <summary>
/// A training recipe: the models, optimizers and data of one kind of experiment, what one step
/// does and how to evaluate. The <see cref="Trainer"/> owns the loop (steps, events, evaluation
/// cadence, checkpoints, cancellation, resume); a recipe only answers its calls.
/// </summary>
/// <remarks>
/// The contract the trainer relies on for exact resumption: everything that changes during
/// training is either in <see cref="State"/> (models, optimizers, schedulers, the recipe's own
/// generators and extras) or a pure function of the step (the data order and augmentations,
/// positioned by <see cref="Start"/>).
/// </remarks>
public abstract class Recipe : IDisposable
{
    /// <summary>Creates a recipe named <paramref name="name"/> (<c>supervised</c>, <c>gan</c>, ...).</summary>
    protected Recipe(string name) => Name = name;

    /// <summary>The recipe's name, as written in options.json.</summary>
    public string Name { get; }

    /// <summary>What a checkpoint holds; the recipe fills it when it builds its models.</summary>
    public TrainingState State { get; } = new();

    /// <summary>Optimisation steps per epoch of the main training data (for fractional epochs in logs).</summary>
    public abstract double StepsPerEpoch { get; }

    /// <summary>The metric whose best value picks <c>checkpoints/best.safetensors</c> (mIoU; PSNR for restoration).</summary>
    public virtual string PrimaryMetric => "mIoU";

    /// <summary>The current learning rate of every optimizer, by role.</summary>
    public virtual IReadOnlyDictionary<string, double> LearningRates =>
        State.Optimizers.ToDictionary(o => o.Key, o => o.Value.param_groups[0].lr, StringComparer.Ordinal);

    /// <summary>
    /// Positions the data streams so that the next <see cref="Step"/> is step
    /// <paramref name="completedSteps"/> + 1 (0 for a new run; the checkpoint's step on resume).
    /// </summary>
    public abstract void Start(long completedSteps, CancellationToken cancellation);

    /// <summary>
    /// One optimisation step, inside a dispose scope the trainer opens: take the batch, compute the
    /// losses, report them with <see cref="StepContext.Report(string, SegGanLab.Losses.LossResult)"/> before
    /// their backward pass, and update through <see cref="StepContext.DiscriminatorStep"/> and
    /// <see cref="StepContext.GeneratorStep"/>.
    /// </summary>
    public abstract void Step(StepContext step);

    /// <summary>Evaluates the current models on the validation data (models in eval mode, no gradients).</summary>
    public abstract Evaluation Evaluate(CancellationToken cancellation);

    /// <summary>Stops the data streams (the trainer calls it when training ends, however it ends).</summary>
    public virtual void Stop() { }

    /// <summary>Frees models, optimizers, generators and data streams.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the recipe's resources; the base disposes everything in <see cref="State"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        Stop();
        foreach (var o in State.Optimizers.Values) o.Dispose();
        foreach (var m in State.Modules.Values) m.Dispose();
        foreach (var g in State.Generators.Values) g.Dispose();
    }
}
