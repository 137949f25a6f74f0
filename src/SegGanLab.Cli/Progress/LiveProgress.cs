using SegGanLab.Plots;
using SegGanLab.Training;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SegGanLab.Cli;

/// <summary>
/// Training progress as a live Spectre.Console display on the terminal: a bar with the step, the
/// percentage, the ETA and the speed, and below it the smoothed loss terms, the learning rate and
/// the last metric. Evaluations are logged as lines above it, and the script's own output goes
/// above it too (through <see cref="ScriptConsole"/>). The display runs from the start of training
/// to its end; <see cref="Dispose"/> closes it if training failed on the way.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console, ScriptConsole scriptOutput) : Callback, IDisposable
{
    static readonly Lock ActiveGate = new();
    static LiveProgress? _active;

    readonly TrainingStatus _status = new();
    TaskCompletionSource? _finish;
    Task? _display;
    ProgressTask? _task;
    volatile string _details = "";

    /// <inheritdoc/>
    public override void OnFitStart(TrainingProgress progress)
    {
        _status.Start(progress);
        // One live display at a time: a run that failed without OnFitEnd leaves its display to the next.
        lock (ActiveGate)
        {
            _active?.Close();
            _active = this;
        }
        var resumed = progress.StartStep > 0 ? $", resuming after step {progress.StartStep}" : "";
        console.MarkupLine($"[bold]{Markup.Escape(_status.Recipe)}[/]: training for {progress.Options.Steps} steps{resumed}" +
                           (progress.RunFolder is { } f ? $"; run folder [link]{Markup.Escape(f)}[/]" : ""));
        var display = new Progress(console) { AutoClear = false, HideCompleted = false, RefreshRate = TimeSpan.FromMilliseconds(250) }
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new TextColumn(() => $"{_status.Step}/{_status.Total}"), new TextColumn(Timing))
            .UseRenderHook((table, _) => new Rows(table, new Text(_details, new Style(Color.Grey))));
        var started = new TaskCompletionSource<ProgressTask>(TaskCreationOptions.RunContinuationsAsynchronously);
        _finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = _finish.Task;
        _display = Task.Run(() => display.StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(_status.Recipe), maxValue: progress.Options.Steps);
            task.Value = progress.StartStep;
            started.SetResult(task);
            await finish;
            context.Refresh();
        }));
        Task.WhenAny(started.Task, _display).GetAwaiter().GetResult();
        if (_display.IsFaulted) _display.GetAwaiter().GetResult();
        _task = started.Task.Result;
        scriptOutput.Attach(console);
    }

    /// <inheritdoc/>
    public override void OnStepEnd(TrainingProgress progress, TrainRecord record)
    {
        _status.Record(record);
        _details = string.Join("  |  ", new[] { _status.LossText, _status.LearningRateText, _status.MetricText }.Where(p => p.Length > 0));
        if (_task is { } task) task.Value = record.Step;
    }

    /// <inheritdoc/>
    public override void OnEvaluation(TrainingProgress progress, EvalRecord record)
    {
        _status.Evaluated(progress, record);
        console.MarkupLine($"[blue]evaluation[/] at step {record.Step}: {Markup.Escape(_status.EvaluationText(record))}");
    }

    /// <inheritdoc/>
    public override void OnFitEnd(TrainingProgress progress, RunResult result)
    {
        if (_task is { } task) task.Value = result.Steps;
        Close();
        var colour = result.Cancelled ? "yellow" : "green";
        console.MarkupLine($"[{colour}]{Markup.Escape(_status.Recipe)}[/]: {Markup.Escape(result.ToString())}");
    }

    /// <summary>Closes the display if it is still open.</summary>
    public void Dispose() => Close();

    void Close()
    {
        lock (ActiveGate)
        {
            if (_active == this) _active = null;
        }
        if (_finish is null || _display is null) return;
        _finish.TrySetResult();
        _display.GetAwaiter().GetResult();
        _finish = null;
        scriptOutput.Detach();
    }

    string Timing() => double.IsNaN(_status.Speed) ? _status.EtaText : $"{_status.EtaText}  {_status.Speed:0.0#} steps/s";

    /// <summary>A column showing text computed at each refresh.</summary>
    sealed class TextColumn(Func<string> text) : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) => new Text(text());
    }
}
