using SegGanLab.Plots;
using SegGanLab.Training;

namespace SegGanLab.Cli;

/// <summary>
/// Training progress as plain lines, for output that is not a terminal (a log file, CI): a line
/// when training starts, one every <c>N</c> steps (about twenty a run unless chosen) with the step,
/// speed, ETA, smoothed losses, learning rate and last metric, one per evaluation, and the result.
/// </summary>
internal sealed class PlainProgress(TextWriter writer, long every) : Callback
{
    readonly TrainingStatus _status = new();
    long _every;

    /// <summary>The status the lines are made from.</summary>
    public TrainingStatus Status => _status;

    /// <inheritdoc/>
    public override void OnFitStart(TrainingProgress progress)
    {
        _status.Start(progress);
        _every = every > 0 ? every : AutomaticInterval(progress.Options.Steps - progress.StartStep);
        var resumed = progress.StartStep > 0 ? $", resuming after step {progress.StartStep}" : "";
        Write($"{_status.Recipe}: training for {progress.Options.Steps} steps{resumed}" + (progress.RunFolder is { } f ? $"; run folder {f}" : ""));
    }

    /// <inheritdoc/>
    public override void OnStepEnd(TrainingProgress progress, TrainRecord record)
    {
        _status.Record(record);
        if (record.Step % _every != 0 && record.Step != _status.Total) return;
        var speed = double.IsNaN(_status.Speed) ? "" : $"{_status.Speed:0.0#} steps/s";
        Write(string.Join("  ", new[] { _status.StepText, _status.EtaText, speed, _status.LossText, _status.LearningRateText, _status.MetricText }.Where(p => p.Length > 0)));
    }

    /// <inheritdoc/>
    public override void OnEvaluation(TrainingProgress progress, EvalRecord record)
    {
        _status.Evaluated(progress, record);
        var best = _status.BestEvaluation is { } b ? $"  (best {_status.PrimaryMetric} {_status.Metric(b.Metric(_status.PrimaryMetric))} at step {b.Step})" : "";
        Write($"evaluation at step {record.Step}: {_status.EvaluationText(record)}{best}");
    }

    /// <inheritdoc/>
    public override void OnFitEnd(TrainingProgress progress, RunResult result) => Write($"{_status.Recipe}: {result}");

    /// <summary>A round interval (1, 2, 5, 10, 20, 50, ...) giving about twenty lines over <paramref name="steps"/>.</summary>
    public static long AutomaticInterval(long steps)
    {
        var target = Math.Max(1.0, steps / 20.0);
        for (long scale = 1; ; scale *= 10)
            foreach (var m in new[] { 1, 2, 5 })
                if (m * scale >= target) return m * scale;
    }

    void Write(string line)
    {
        writer.WriteLine(line);
        writer.Flush();
    }
}
