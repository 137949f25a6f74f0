using SegGanLab.Plots;

namespace SegGanLab.Training;

/// <summary>How a training run ended, with its metric history and where its files are.</summary>
public sealed record RunResult
{
    /// <summary>The run folder, or null for a run that wrote none.</summary>
    public string? Folder { get; init; }

    /// <summary>The last completed step.</summary>
    public long Steps { get; init; }

    /// <summary>Every step's losses and learning rates (including those before a resume).</summary>
    public required IReadOnlyList<TrainRecord> History { get; init; }

    /// <summary>Every evaluation, in step order.</summary>
    public required IReadOnlyList<EvalRecord> Evaluations { get; init; }

    /// <summary>The evaluation with the best primary metric, if any ran.</summary>
    public EvalRecord? Best { get; init; }

    /// <summary>The primary metric (mIoU, or PSNR for restoration).</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>The best checkpoint, when a run folder was written.</summary>
    public string? BestCheckpoint { get; init; }

    /// <summary>The last checkpoint, when a run folder was written.</summary>
    public string? LastCheckpoint { get; init; }

    /// <summary>The report, when one was written.</summary>
    public string? Report { get; init; }

    /// <summary>Training time, including time before a resume.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when the run was interrupted (Ctrl+C, a kernel interrupt, a cancelled token).</summary>
    public bool Cancelled { get; init; }

    /// <summary>Why a callback stopped training early, if one did.</summary>
    public string? StopReason { get; init; }

    /// <summary>The best value of the primary metric (NaN when no evaluation ran).</summary>
    public double BestMetric => Best?.Metric(PrimaryMetric) ?? double.NaN;

    /// <summary>The last evaluation's primary metric (NaN when no evaluation ran).</summary>
    public double FinalMetric => Evaluations.Count > 0 ? Evaluations[^1].Metric(PrimaryMetric) : double.NaN;

    /// <summary>One line: steps, time, final and best metric, folder.</summary>
    public override string ToString() =>
        $"{Steps} steps in {Elapsed.TotalSeconds:F1} s; {PrimaryMetric} final {Format(FinalMetric)}, best {Format(BestMetric)}" +
        (Best is { } b ? $" at step {b.Step}" : "") + (Cancelled ? " (cancelled)" : "") + (StopReason is { } r ? $" (stopped: {r})" : "") +
        (Folder is null ? "" : $"; {Folder}");

    string Format(double v) => double.IsNaN(v) ? "n/a" : PrimaryMetric == "PSNR" ? $"{v:F2} dB" : $"{100 * v:F1}%";
}
