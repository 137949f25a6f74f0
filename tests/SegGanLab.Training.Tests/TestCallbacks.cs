using SegGanLab.Plots;

namespace SegGanLab.Training.Tests;

/// <summary>Ends training after step <paramref name="step"/> through the documented early stop.</summary>
sealed class StopAt(long step) : Callback
{
    public override void OnStepEnd(TrainingProgress progress, TrainRecord record)
    {
        if (record.Step == step) throw new StopTrainingException("test stop");
    }
}

/// <summary>Runs <paramref name="action"/> when step <paramref name="step"/> starts (to change a recipe's loss, say).</summary>
sealed class AtStepStart(long step, Action action) : Callback
{
    public override void OnStepStart(TrainingProgress progress)
    {
        if (progress.Step == step) action();
    }
}

/// <summary>Counts the discriminator and generator updates of each step.</summary>
sealed class UpdateCounter : Callback
{
    int _d, _g;
    public readonly List<(int Discriminator, int Generator)> PerStep = new();
    public override void OnStepStart(TrainingProgress progress) => (_d, _g) = (0, 0);
    public override void OnDiscriminatorStepEnd(TrainingProgress progress) => _d++;
    public override void OnGeneratorStepEnd(TrainingProgress progress) => _g++;
    public override void OnStepEnd(TrainingProgress progress, TrainRecord record) => PerStep.Add((_d, _g));
}
