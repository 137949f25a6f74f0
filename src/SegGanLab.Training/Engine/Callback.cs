using SegGanLab.Plots;

namespace SegGanLab.Training;

/// <summary>
/// The extension point of the <see cref="Trainer"/>: override the events you need. The trainer
/// raises them in this order, on the training thread:
/// <list type="number">
/// <item><see cref="OnFitStart"/> once, after a resume has restored the state;</item>
/// <item>per step: <see cref="OnEpochStart"/> when a new epoch begins, <see cref="OnStepStart"/>,
/// then inside the recipe's step <see cref="OnDiscriminatorStepStart"/>/<see cref="OnDiscriminatorStepEnd"/>
/// around each discriminator update (n_critic of them for WGAN-GP) and
/// <see cref="OnGeneratorStepStart"/>/<see cref="OnGeneratorStepEnd"/> around the generator or segmenter
/// update, then <see cref="OnStepEnd"/> with the step's losses, <see cref="OnEvaluation"/> when an
/// evaluation ran, <see cref="OnCheckpoint"/> when a checkpoint was written, and
/// <see cref="OnEpochEnd"/> when the step completed an epoch;</item>
/// <item><see cref="OnFitEnd"/> once, after the last checkpoint and the report, also when training
/// was cancelled or stopped early (not when it failed).</item>
/// </list>
/// Throw <see cref="StopTrainingException"/> from any event to end training early; the trainer
/// finishes the current step, writes the checkpoint and returns normally.
/// </summary>
public abstract class Callback
{
    /// <summary>Training starts (or resumes at <see cref="TrainingProgress.Step"/>).</summary>
    public virtual void OnFitStart(TrainingProgress progress) { }

    /// <summary>Epoch <paramref name="epoch"/> (0-based) begins.</summary>
    public virtual void OnEpochStart(TrainingProgress progress, int epoch) { }

    /// <summary>A step begins; <see cref="TrainingProgress.Step"/> is the step about to run.</summary>
    public virtual void OnStepStart(TrainingProgress progress) { }

    /// <summary>A discriminator update begins.</summary>
    public virtual void OnDiscriminatorStepStart(TrainingProgress progress) { }

    /// <summary>A discriminator update ended.</summary>
    public virtual void OnDiscriminatorStepEnd(TrainingProgress progress) { }

    /// <summary>The generator (or segmenter) update begins.</summary>
    public virtual void OnGeneratorStepStart(TrainingProgress progress) { }

    /// <summary>The generator (or segmenter) update ended.</summary>
    public virtual void OnGeneratorStepEnd(TrainingProgress progress) { }

    /// <summary>A step ended; <paramref name="record"/> holds its losses and learning rates.</summary>
    public virtual void OnStepEnd(TrainingProgress progress, TrainRecord record) { }

    /// <summary>An evaluation ended.</summary>
    public virtual void OnEvaluation(TrainingProgress progress, EvalRecord record) { }

    /// <summary>A checkpoint was written to <paramref name="path"/> (<paramref name="best"/>: the best so far).</summary>
    public virtual void OnCheckpoint(TrainingProgress progress, string path, bool best) { }

    /// <summary>Epoch <paramref name="epoch"/> (0-based) ended.</summary>
    public virtual void OnEpochEnd(TrainingProgress progress, int epoch) { }

    /// <summary>Training ended; <paramref name="result"/> says how.</summary>
    public virtual void OnFitEnd(TrainingProgress progress, RunResult result) { }
}

/// <summary>What callbacks can read about the run in progress.</summary>
public sealed class TrainingProgress
{
    internal TrainingProgress(Recipe recipe, TrainerOptions options, string? runFolder) =>
        (Recipe, Options, RunFolder) = (recipe, options, runFolder);

    /// <summary>The recipe being trained.</summary>
    public Recipe Recipe { get; }

    /// <summary>The trainer's options (total steps, evaluation and checkpoint cadence).</summary>
    public TrainerOptions Options { get; }

    /// <summary>The run folder, or null for a run that writes none.</summary>
    public string? RunFolder { get; }

    /// <summary>The current step (1-based; 0 before the first).</summary>
    public long Step { get; internal set; }

    /// <summary>The step the run started from (0, or the resumed checkpoint's step).</summary>
    public long StartStep { get; internal set; }

    /// <summary>Training time so far, including the time before a resume.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>The last logged train record, if any.</summary>
    public TrainRecord? LastTrain { get; internal set; }

    /// <summary>The last evaluation, if any.</summary>
    public EvalRecord? LastEvaluation { get; internal set; }

    /// <summary>The best evaluation so far (by <see cref="Recipe.PrimaryMetric"/>), if any.</summary>
    public EvalRecord? BestEvaluation { get; internal set; }

    /// <summary>Every train record of this run, in step order (including those before a resume).</summary>
    public IReadOnlyList<TrainRecord> History => _history;
    internal readonly List<TrainRecord> _history = new();

    /// <summary>Every evaluation of this run, in step order.</summary>
    public IReadOnlyList<EvalRecord> Evaluations => _evaluations;
    internal readonly List<EvalRecord> _evaluations = new();

    /// <summary>The estimated time to finish, from the steps of this session so far.</summary>
    public TimeSpan? Remaining(TimeSpan sessionElapsed)
    {
        var done = Step - StartStep;
        if (done <= 0) return null;
        return TimeSpan.FromTicks((long)(sessionElapsed.Ticks / (double)done * (Options.Steps - Step)));
    }
}
