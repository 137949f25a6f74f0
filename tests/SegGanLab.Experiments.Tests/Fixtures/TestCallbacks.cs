using SegGanLab.Plots;
using SegGanLab.Training;

namespace SegGanLab.Experiments.Tests.Fixtures;

/// <summary>Stops training after step <paramref name="step"/> (an interrupted run).</summary>
sealed class StopAfter(long step) : Callback
{
    public override void OnStepEnd(TrainingProgress progress, TrainRecord record)
    {
        if (progress.Step == step) throw new StopTrainingException("test stop");
    }
}

/// <summary>Cancels <paramref name="source"/> at the end of step <paramref name="step"/>, as Ctrl+C or a kernel interrupt would.</summary>
sealed class CancelAfter(long step, CancellationTokenSource source) : Callback
{
    public override void OnStepEnd(TrainingProgress progress, TrainRecord record)
    {
        if (progress.Step == step) source.Cancel();
    }
}
