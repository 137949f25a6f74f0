using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// The seam between experiments and whatever hosts them (<c>seggan run</c>, the notebook kernel, a
/// test): the cancellation token training obeys, the script being run (copied into the run folder),
/// the host's progress display and extra callbacks, and the last run's result. Experiments only read
/// it; hosts set it. Everything here is optional: with nothing set, a run cannot be cancelled from
/// outside, copies no script and shows no progress.
/// </summary>
/// <example><code>
/// // seggan run: Ctrl+C stops training at the next step boundary (a checkpoint is written).
/// var ctrlC = new CancellationTokenSource();
/// Console.CancelKeyPress += (_, e) => { e.Cancel = true; ctrlC.Cancel(); };
/// ExperimentHost.Cancellation = ctrlC.Token;
/// ExperimentHost.ScriptPath = Path.GetFullPath("experiments/quickstart.csx");
/// ExperimentHost.ProgressFactory = () => new MyProgressCallback();
/// // ... run the script ...
/// Console.WriteLine(ExperimentHost.LastResult);
/// </code></example>
public static class ExperimentHost
{
    static readonly AsyncLocal<CancellationScope?> Scoped = new();
    static CancellationToken _process;

    /// <summary>
    /// The token training stops on, read when a run starts. Getting it combines the process-wide
    /// token (what this setter sets: e.g. Ctrl+C in <c>seggan run</c>) with the token of the current
    /// <see cref="UseCancellation"/> scope (e.g. the running notebook cell's interrupt), so either
    /// one cancels.
    /// </summary>
    public static CancellationToken Cancellation
    {
        get => Scoped.Value?.Token(_process) ?? _process;
        set => _process = value;
    }

    /// <summary>
    /// Makes <paramref name="token"/> cancel runs started on this logical flow (and the tasks it
    /// starts) until the returned scope is disposed; scopes nest. The scripting host opens one per
    /// cell, so a kernel interrupt stops the cell's training.
    /// </summary>
    public static IDisposable UseCancellation(CancellationToken token)
    {
        var scope = new CancellationScope(token, Scoped.Value);
        Scoped.Value = scope;
        return scope;
    }

    /// <summary>The script that defines the experiments being run (copied into each run folder as <c>script.csx</c>); null in notebooks and plain programs.</summary>
    public static string? ScriptPath { get; set; }

    /// <summary>Makes the host's progress display (a training <see cref="Callback"/>) for each run; null or a null result: none.</summary>
    public static Func<Callback?>? ProgressFactory { get; set; }

    /// <summary>Factories of further callbacks the host adds to every run (after the experiment's own and the progress display).</summary>
    public static IReadOnlyList<Func<Callback>> ExtraCallbacks { get; set; } = [];

    /// <summary>The result of the last run that finished (completed, cancelled or stopped early) in this process, for <c>seggan run --json</c>.</summary>
    public static ExperimentResult? LastResult { get; internal set; }

    /// <summary>The host's callbacks for a new run: the progress display first, then the extras.</summary>
    internal static IEnumerable<Callback> CreateCallbacks()
    {
        if (ProgressFactory?.Invoke() is { } progress) yield return progress;
        foreach (var factory in ExtraCallbacks) yield return factory();
    }

    /// <summary>One <see cref="UseCancellation"/> scope: its token and its outer scopes', linked with the process-wide one.</summary>
    sealed class CancellationScope(CancellationToken own, CancellationScope? outer) : IDisposable
    {
        readonly CancellationToken _own = own;
        readonly CancellationScope? _outer = outer;
        readonly List<CancellationTokenSource> _links = [];
        (CancellationToken Process, CancellationToken Combined)? _current;

        public CancellationToken Token(CancellationToken process)
        {
            lock (_links)
            {
                // The process-wide token rarely changes: one combined token per value it had in this scope.
                if (_current is { } c && c.Process == process) return c.Combined;
                var tokens = Chain().Append(process).Where(t => t.CanBeCanceled).Distinct().ToArray();
                var combined = tokens.Length switch
                {
                    0 => CancellationToken.None,
                    1 => tokens[0],
                    _ => Linked(tokens),
                };
                _current = (process, combined);
                return combined;
            }
        }

        IEnumerable<CancellationToken> Chain()
        {
            for (var s = this; s is not null; s = s._outer) yield return s._own;
        }

        CancellationToken Linked(CancellationToken[] tokens)
        {
            var source = CancellationTokenSource.CreateLinkedTokenSource(tokens);
            _links.Add(source);
            return source.Token;
        }

        public void Dispose()
        {
            if (Scoped.Value == this) Scoped.Value = _outer;
            lock (_links)
            {
                foreach (var link in _links) link.Dispose();
                _links.Clear();
                _current = null;
            }
        }
    }
}
