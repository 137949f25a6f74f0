using SegGanLab.Plots;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// What <c>Run()</c> or <c>Resume()</c> returns: the experiment's name and recipe with the training
/// engine's <see cref="RunResult"/> (metric history, best and last checkpoints, the run folder).
/// </summary>
public sealed class ExperimentResult
{
    /// <summary>Wraps the engine's result of the run of <paramref name="name"/> with recipe <paramref name="recipe"/>.</summary>
    public ExperimentResult(string name, string recipe, RunResult training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Folder is null) throw new ArgumentException("An experiment's run always writes a run folder; this result has none.", nameof(training));
        (Name, Recipe, Training) = (name, recipe, training);
    }

    /// <summary>The experiment's name (the run folder's prefix).</summary>
    public string Name { get; }

    /// <summary>The recipe (<c>supervised</c>, <c>gan</c>, <c>semi</c>, <c>gan-augmented</c>, <c>deblur</c>).</summary>
    public string Recipe { get; }

    /// <summary>The training engine's result.</summary>
    public RunResult Training { get; }

    /// <summary>The run folder (absolute).</summary>
    public string Folder => Training.Folder!;

    /// <summary>The last completed step.</summary>
    public long Steps => Training.Steps;

    /// <summary>Every step's losses and learning rates.</summary>
    public IReadOnlyList<TrainRecord> History => Training.History;

    /// <summary>Every evaluation, in step order.</summary>
    public IReadOnlyList<EvalRecord> Evaluations => Training.Evaluations;

    /// <summary>The evaluation with the best primary metric, if any ran.</summary>
    public EvalRecord? Best => Training.Best;

    /// <summary>The primary metric (<c>mIoU</c>, or <c>PSNR</c> for deblurring).</summary>
    public string PrimaryMetric => Training.PrimaryMetric;

    /// <summary>The best value of the primary metric (NaN when no evaluation ran).</summary>
    public double BestMetric => Training.BestMetric;

    /// <summary>The last evaluation's primary metric (NaN when no evaluation ran).</summary>
    public double FinalMetric => Training.FinalMetric;

    /// <summary><c>checkpoints/best.safetensors</c>, when an evaluation wrote it.</summary>
    public string? BestCheckpoint => Training.BestCheckpoint;

    /// <summary><c>checkpoints/last.safetensors</c>.</summary>
    public string? LastCheckpoint => Training.LastCheckpoint;

    /// <summary>The report (<c>report.html</c>), when it was written.</summary>
    public string? Report => Training.Report;

    /// <summary>Training time, including the time before a resume.</summary>
    public TimeSpan Elapsed => Training.Elapsed;

    /// <summary>True when the run was interrupted through <see cref="ExperimentHost.Cancellation"/>.</summary>
    public bool Cancelled => Training.Cancelled;

    /// <summary>Why a callback stopped training early, if one did.</summary>
    public string? StopReason => Training.StopReason;

    /// <summary>One line: name, steps, time, final and best metric, folder.</summary>
    public override string ToString() => $"{Name} ({Recipe}): {Training}";
}
