using SegGanLab.Data;

namespace SegGanLab.Training;

/// <summary>Helpers the recipes share for taking batches from their streams.</summary>
static class RecipeData
{
    /// <summary>The next batch of <paramref name="stream"/>; the stream never ends (it runs over epochs), so none means cancellation.</summary>
    public static Batch Next(BatchStream? stream, StepContext step)
    {
        if (stream is null) throw new InvalidOperationException("The recipe was not started: the trainer calls Start before the first step.");
        var batch = stream.Next();
        step.Cancellation.ThrowIfCancellationRequested();
        return batch ?? throw new InvalidOperationException("The training stream ended; it should run over epochs until the last step.");
    }
}
