using System.Diagnostics;
using SegGanLab.Plots;
using SegGanLab.Scripting;
using SegGanLab.Training;

namespace SegGanLab.Kernel;

/// <summary>
/// The kernel's training progress: one display per run, shown when training starts and updated in
/// place (<c>update_display_data</c>) at most every <c>interval</c> while steps run, and always at
/// each evaluation (with the latest sample masks), on the last step and when training ends
/// (finished, stopped early or interrupted). Not a scroll of prints: a notebook saved afterwards
/// holds the final state.
/// </summary>
internal sealed class NotebookProgress(TimeSpan interval) : Callback
{
    const int MaskSamples = 2;

    readonly Stopwatch _session = new();
    readonly Stopwatch _sinceUpdate = new();
    DisplayHandle? _display;
    RunClasses? _classes;
    string? _masksPng;

    /// <summary>
    /// A display for a run started by the running cell, or null outside a cell (a run on a thread the
    /// cell did not start has nowhere to show progress).
    /// </summary>
    public static NotebookProgress? ForCurrentCell(TimeSpan interval) => CellContext.Current is null ? null : new NotebookProgress(interval);

    /// <inheritdoc/>
    public override void OnFitStart(TrainingProgress progress)
    {
        _session.Restart();
        _display = DisplayHandle.Show(View(progress, null));
        _sinceUpdate.Restart();
    }

    /// <inheritdoc/>
    public override void OnStepEnd(TrainingProgress progress, TrainRecord record)
    {
        if (record.Step >= progress.Options.Steps || _sinceUpdate.Elapsed >= interval) Update(progress);
    }

    /// <inheritdoc/>
    public override void OnEvaluation(TrainingProgress progress, EvalRecord record)
    {
        if (record.Samples is { } samples && progress.RunFolder is { } folder) _masksPng = Masks(folder, samples) ?? _masksPng;
        Update(progress);
    }

    /// <inheritdoc/>
    public override void OnFitEnd(TrainingProgress progress, RunResult result) => Update(progress, result);

    void Update(TrainingProgress progress, RunResult? result = null)
    {
        _display?.Update(View(progress, result));
        _sinceUpdate.Restart();
    }

    MimeBundle View(TrainingProgress progress, RunResult? result) => ProgressView.Render(progress, _session.Elapsed, _masksPng, result);

    /// <summary>The first samples of an evaluation as a base64 PNG mask grid, or null when they cannot be read.</summary>
    string? Masks(string folder, string samples)
    {
        try
        {
            _classes ??= RunFolder.Read(folder).Classes;
            var set = SampleSet.Read(Path.Combine(folder, samples));
            return set.Samples.Count == 0 ? null : Convert.ToBase64String(MaskGrid.Load(set, _classes, MaskSamples).ToPng());
        }
        catch (Exception e) when (e is RunFolderException or IOException)
        {
            // The display goes on without masks; training must not fail because a preview could not be drawn.
            return null;
        }
    }
}
