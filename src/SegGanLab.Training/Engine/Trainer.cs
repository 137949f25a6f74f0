using System.Diagnostics;
using System.Globalization;
using SegGanLab.Plots;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// The one training loop of SegGanLab. It runs a <see cref="Recipe"/> for
/// <see cref="TrainerOptions.Steps"/> steps, each inside a dispose scope; raises the events of
/// <see cref="Callback"/>; evaluates and checkpoints on schedule (the best checkpoint whenever the
/// primary metric improves); logs to the run folder; stops at the next step boundary when the
/// token is cancelled or a callback throws <see cref="StopTrainingException"/>, writing the last
/// checkpoint either way; and resumes from a checkpoint so that the losses continue exactly as the
/// uninterrupted run's would have (on the CPU).
/// </summary>
/// <example><code>
/// using var recipe = new SupervisedRecipe(...);
/// var run = RunWriter.Create("runs", "quickstart");
/// var result = new Trainer(recipe, new TrainerOptions { Steps = 600, EvaluateEvery = 200 }, run).Fit(token);
/// Console.WriteLine(result);          // 600 steps in 95.2 s; mIoU final 91.8%, best 91.8% at step 600; runs/quickstart-...
/// </code></example>
public sealed class Trainer
{
    readonly Recipe _recipe;
    readonly TrainerOptions _options;
    readonly RunWriter? _run;
    readonly IReadOnlyList<Callback> _callbacks;

    /// <summary>A trainer for <paramref name="recipe"/>; <paramref name="run"/> null trains without writing files.</summary>
    public Trainer(Recipe recipe, TrainerOptions options, RunWriter? run = null, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_recipe, _options, _run, _callbacks) = (recipe, options, run, callbacks?.ToArray() ?? []);
    }

    /// <summary>
    /// Trains to the end (or until cancelled or stopped), optionally first restoring
    /// <paramref name="resumeFrom"/> (a checkpoint of this experiment), and returns how it went.
    /// </summary>
    /// <exception cref="NonFiniteLossException">A loss became NaN or infinite; the last good state is in its <see cref="NonFiniteLossException.CheckpointPath"/>.</exception>
    /// <exception cref="CheckpointException">The checkpoint to resume from cannot be used.</exception>
    public RunResult Fit(CancellationToken cancellation = default, string? resumeFrom = null)
    {
        var progress = new TrainingProgress(_recipe, _options, _run?.Folder);
        var events = new EventSink(_callbacks, progress);
        var before = TimeSpan.Zero;
        long completed = 0;
        if (resumeFrom is not null)
        {
            completed = Checkpoint.Load(resumeFrom, _recipe.State);
            if (Checkpoint.ReadInfo(resumeFrom).TryGetValue("elapsed_seconds", out var s))
                before = TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture));
            if (_run is not null)
            {
                var records = _run.TruncateAfter(completed);
                progress._history.AddRange(records.Train);
                progress._evaluations.AddRange(records.Evals);
                progress.BestEvaluation = records.BestEval;
            }
        }
        progress.StartStep = progress.Step = completed;
        var clock = Stopwatch.StartNew();
        TimeSpan Elapsed() => before + clock.Elapsed;
        string? stopReason = null;
        var cancelled = false;

        _recipe.Start(completed, cancellation);
        try
        {
            events.Raise((c, p) => c.OnFitStart(p));
            for (var step = completed + 1; step <= _options.Steps; step++)
            {
                if (cancellation.IsCancellationRequested) { cancelled = true; break; }
                var epoch = EpochIndex(step);
                if (step == completed + 1 || epoch != EpochIndex(step - 1)) events.Raise((c, p) => c.OnEpochStart(p, epoch));
                progress.Step = step;
                events.Raise((c, p) => c.OnStepStart(p));
                var context = new StepContext(step, cancellation, events);
                try
                {
                    using var scope = NewDisposeScope();
                    _recipe.Step(context);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
                catch (NonFiniteLossException e)
                {
                    // The step was refused before its update: the state is still that of the last completed step.
                    progress.Step = completed;
                    throw _run is null ? e : e.WithCheckpoint(SaveLast(completed, Elapsed()));
                }
                completed = step;
                progress.Elapsed = Elapsed();
                var record = new TrainRecord(step, step / _recipe.StepsPerEpoch, progress.Elapsed.TotalSeconds,
                                             new Dictionary<string, double>(context.Losses, StringComparer.Ordinal), _recipe.LearningRates);
                progress._history.Add(record);
                progress.LastTrain = record;
                if (step % _options.LogEvery == 0 || step == _options.Steps) _run?.Append(record);
                events.Raise((c, p) => c.OnStepEnd(p, record));

                if ((_options.EvaluateEvery > 0 && step % _options.EvaluateEvery == 0) || step == _options.Steps)
                    if (!Evaluate(step, progress, events, Elapsed, cancellation)) { cancelled = true; break; }
                if (_options.CheckpointEvery > 0 && step % _options.CheckpointEvery == 0 && step != _options.Steps && _run is not null)
                {
                    var path = SaveLast(step, Elapsed());
                    events.Raise((c, p) => c.OnCheckpoint(p, path, false));
                }
                if (EpochIndex(step + 1) != epoch) events.Raise((c, p) => c.OnEpochEnd(p, epoch));
            }
        }
        catch (StopTrainingException e)
        {
            stopReason = e.Reason;
        }
        finally
        {
            _recipe.Stop();
        }

        // An early stop that fell between evaluations still gets a final one.
        if (stopReason is not null && completed > progress.StartStep && progress.LastEvaluation?.Step != completed)
            Evaluate(completed, progress, events, Elapsed, CancellationToken.None);
        progress.Step = completed;
        progress.Elapsed = Elapsed();
        string? last = null, report = null;
        if (_run is not null && completed > progress.StartStep)
        {
            last = SaveLast(completed, progress.Elapsed);
            events.Raise((c, p) => c.OnCheckpoint(p, last, false));
        }
        if (_run is not null && _options.WriteReport) report = TryWriteReport(_run.Folder);
        var result = new RunResult
        {
            Folder = _run?.Folder,
            Steps = completed,
            History = progress.History,
            Evaluations = progress.Evaluations,
            Best = progress.BestEvaluation,
            PrimaryMetric = _recipe.PrimaryMetric,
            BestCheckpoint = _run is not null && File.Exists(_run.BestCheckpoint) ? _run.BestCheckpoint : null,
            LastCheckpoint = _run is not null && File.Exists(_run.LastCheckpoint) ? _run.LastCheckpoint : last,
            Report = report,
            Elapsed = progress.Elapsed,
            Cancelled = cancelled,
            StopReason = stopReason,
        };
        events.Raise((c, p) => c.OnFitEnd(p, result));
        return result;
    }

    int EpochIndex(long step) => (int)Math.Floor((step - 1) / _recipe.StepsPerEpoch);

    /// <summary>Runs an evaluation; false when it was cancelled.</summary>
    bool Evaluate(long step, TrainingProgress progress, EventSink events, Func<TimeSpan> elapsed, CancellationToken cancellation)
    {
        Evaluation evaluation;
        try
        {
            using var scope = NewDisposeScope();
            evaluation = _recipe.Evaluate(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return false;
        }
        var epoch = step / _recipe.StepsPerEpoch;
        var time = elapsed().TotalSeconds;
        var record = _run?.WriteEvaluation(step, epoch, time, evaluation)
                     ?? new EvalRecord(step, epoch, time, evaluation.Split, evaluation.Metrics, [], null, null);
        progress._evaluations.Add(record);
        progress.LastEvaluation = record;
        var metric = record.Metric(_recipe.PrimaryMetric);
        var best = progress.BestEvaluation?.Metric(_recipe.PrimaryMetric) ?? double.NegativeInfinity;
        var improved = !double.IsNaN(metric) && (metric > best || progress.BestEvaluation is null);
        if (improved) progress.BestEvaluation = record;
        events.Raise((c, p) => c.OnEvaluation(p, record));
        if (improved && _run is not null)
        {
            Checkpoint.Save(_run.BestCheckpoint, _recipe.State, step, Info(elapsed()));
            events.Raise((c, p) => c.OnCheckpoint(p, _run.BestCheckpoint, true));
        }
        return true;
    }

    string SaveLast(long step, TimeSpan elapsed)
    {
        Checkpoint.Save(_run!.LastCheckpoint, _recipe.State, step, Info(elapsed));
        return _run.LastCheckpoint;
    }

    static Dictionary<string, string> Info(TimeSpan elapsed) =>
        new() { ["elapsed_seconds"] = elapsed.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) };

    static string? TryWriteReport(string folder)
    {
        try
        {
            return ReportWriter.Write(folder);
        }
        catch (Exception e) when (e is IOException or RunFolderException or UnauthorizedAccessException)
        {
            // The run itself succeeded; a report can be rebuilt with `seggan report`.
            Console.Error.WriteLine($"warning: could not write the report of {folder}: {e.Message} (rebuild it with: seggan report {folder})");
            return null;
        }
    }

    /// <summary>Delivers events to the callbacks in order.</summary>
    internal sealed class EventSink(IReadOnlyList<Callback> callbacks, TrainingProgress progress)
    {
        public void Raise(Action<Callback, TrainingProgress> call)
        {
            foreach (var c in callbacks) call(c, progress);
        }
    }
}
