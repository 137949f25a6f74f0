namespace SegGanLab.Training;

/// <summary>How long to train and how often to evaluate, log and checkpoint.</summary>
public sealed record TrainerOptions
{
    /// <summary>Total optimisation steps (a GAN step is one generator update).</summary>
    public long Steps { get; init; } = 1000;

    /// <summary>Evaluate every this many steps (0: only at the end). An evaluation always runs after the last step.</summary>
    public long EvaluateEvery { get; init; }

    /// <summary>Write <c>checkpoints/last.safetensors</c> every this many steps (0: only at the end). The best is written whenever an evaluation improves.</summary>
    public long CheckpointEvery { get; init; }

    /// <summary>Append a train record to metrics.jsonl every this many steps (every step's losses stay in memory).</summary>
    public long LogEvery { get; init; } = 1;

    /// <summary>Write report.html when training ends.</summary>
    public bool WriteReport { get; init; } = true;

    /// <summary>Checks the values: a typed error names the option at fault.</summary>
    public void Validate()
    {
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Steps must be at least 1.");
        if (EvaluateEvery < 0) throw new ArgumentOutOfRangeException(nameof(EvaluateEvery), EvaluateEvery, "EvaluateEvery must be 0 (only at the end) or positive.");
        if (CheckpointEvery < 0) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "CheckpointEvery must be 0 (only at the end) or positive.");
        if (LogEvery < 1) throw new ArgumentOutOfRangeException(nameof(LogEvery), LogEvery, "LogEvery must be at least 1.");
    }
}
