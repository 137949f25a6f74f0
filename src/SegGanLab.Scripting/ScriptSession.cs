using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using SegGanLab.Experiments;
using SegGanLab.Torch;

namespace SegGanLab.Scripting;

/// <summary>
/// A C# scripting session: a chain of Roslyn submissions in which each cell sees the variables,
/// methods and types of the cells before it. Cells run one at a time on the session's own
/// thread, each inside a <see cref="torch.NewDisposeScope"/>: tensors the script can still reach
/// at the end of the cell survive, temporaries are freed. Compilation is optimised (Release) and
/// carries debug information, so errors and stack frames show the cell's own line numbers.
/// Creating a session starts warming Roslyn up in the background.
/// </summary>
/// <example><code>
/// using var session = new ScriptSession();
/// var output = new ConsoleScriptOutput();
/// await session.ExecuteAsync("var x = randn(2, 3);", new CellOptions { Output = output });
/// var result = await session.ExecuteAsync("x.sum()", new CellOptions { Output = output });
/// Console.WriteLine(result.Formatted?.PlainText);
/// </code></example>
public sealed partial class ScriptSession : IDisposable
{
    readonly Lazy<SubmissionChain> _chain;
    readonly ScriptSessionOptions _settings;
    readonly ScriptGlobals _globals;
    readonly ExecutionThread _thread = new("SegGanLab script");
    readonly List<Assembly> _scriptAssemblies = [];
    readonly Lock _gate = new();
    readonly Task _warmUp;
    readonly CancellationTokenSource _disposed = new();
    Task? _backgroundWarmUp;
    CancellationTokenSource? _running;
    int _anonymousCells;

    /// <summary>Starts a session and warms the compiler up on its thread.</summary>
    public ScriptSession(ScriptSessionOptions? options = null)
    {
        _settings = options ?? new ScriptSessionOptions();
        ConsoleCapture.Install();
        _globals = _settings.Globals;
        // Built on first use: a session that only runs a cached compiled script never loads Roslyn.
        _chain = new Lazy<SubmissionChain>(CreateChain);
        AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;
        _warmUp = _settings.WarmUp ? _thread.Run(WarmUpAsync) : Task.CompletedTask;
    }

    /// <summary>Completes when the compiler has been warmed up (the first cell waits for it anyway).</summary>
    public Task Ready => _warmUp;

    /// <summary>
    /// Compiles and runs <paramref name="code"/> as the next submission. Compile errors and
    /// exceptions come back in <see cref="CellResult.Error"/>; this task itself fails only when
    /// the session is broken.
    /// </summary>
    public Task<CellResult> ExecuteAsync(string code, CellOptions? options = null) => RunAsync(code, options, chain: true);

    /// <summary>
    /// Evaluates <paramref name="expression"/> against the current variables without making it part
    /// of the session (Jupyter's user_expressions): later cells do not see it.
    /// </summary>
    public Task<CellResult> EvaluateAsync(string expression, CellOptions? options = null) => RunAsync(expression, options, chain: false);

    /// <summary>
    /// Runs a host's request loop (the notebook kernel's shell channel) on the session's thread, after
    /// the warm-up. The cells it starts with <see cref="ExecuteAsync(string, CellOptions)"/> or <see cref="EvaluateAsync"/>
    /// then run inline and return completed tasks: no hand-off to the session's thread and back, each
    /// of which costs a sleeping thread's wake-up (about 0.15 ms). <see cref="Interrupt"/> still works
    /// from other threads. The task completes when the loop returns.
    /// </summary>
    public Task Host(Action loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        return _thread.Host(loop);
    }

    /// <summary>Cancels the running cell's <see cref="ScriptGlobals.Cancellation"/> token (and its compilation); nothing when idle.</summary>
    public void Interrupt()
    {
        lock (_gate) _running?.Cancel();
    }

    /// <summary>The names and values of the script's variables, oldest first (a later cell's variable hides an earlier one of the same name).</summary>
    public IReadOnlyList<(string Name, Type Type, object? Value)> Variables => _chain.IsValueCreated ? _chain.Value.Variables : [];

    /// <summary>The background warm-up (<see cref="ScriptSessionOptions.BackgroundWarmUps"/>) once the first cell has started it.</summary>
    internal Task? BackgroundWarmUp => _backgroundWarmUp;

    /// <summary>How many cells the session's submission chain holds: those that declared something (see <see cref="SubmissionChain"/>).</summary>
    internal int ChainLength => _chain.IsValueCreated ? _chain.Value.Length : 0;

    /// <summary>Stops accepting cells; a cell still running finishes on its own thread.</summary>
    public void Dispose()
    {
        AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;
        _disposed.Cancel();
        _thread.Dispose();
    }

    /// <summary>Every assembly a submission references: the imports', the globals' and the host's extra ones.</summary>
    IEnumerable<Assembly> ReferencedAssemblies() => _settings.Imports.Select(i => i.Assembly)
        .Concat(_settings.References)
        .Append(typeof(ScriptGlobals).Assembly)
        .Append(_globals.GetType().Assembly);

    SubmissionChain CreateChain() => new(
        ScriptReferences.For(ReferencedAssemblies()),
        _settings.Imports.Select(i => i.Name),
        _globals,
        new CachingMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_settings.BaseDirectory)),
        new CellSourceResolver(_settings.BaseDirectory));

    const string WarmUpCell = "Enumerable.Range(0, 2).Sum() + torch.get_num_threads()";

    async Task<object?> WarmUpAsync()
    {
        // Compiling and running a throwaway cell against the imports JIT-compiles Roslyn's binder and
        // emitter, so the user's first cell costs what later cells cost. It declares nothing, so the
        // chain stays empty.
        var warm = _chain.Value.Compile(WarmUpCell, "warm-up", CancellationToken.None);
        if (!warm.Succeeded) throw new InvalidOperationException("The warm-up cell did not compile: " + string.Join(Environment.NewLine, warm.Errors));
        await _chain.Value.RunAsync(warm);
        return null;
    }

    void RehearseWarmUpCell()
    {
        try { _chain.Value.Rehearse(WarmUpCell, _settings.BackgroundWarmUps, _disposed.Token); }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested) { }
    }

    Task<CellResult> RunAsync(string code, CellOptions? options, bool chain)
    {
        ArgumentNullException.ThrowIfNull(code);
        var name = options?.Name ?? $"In[{Interlocked.Increment(ref _anonymousCells)}]";
        var output = options?.Output ?? NullScriptOutput.Instance;
        var cell = _thread.Run(() => RunCellAsync(name, output, (token, _) => RunSubmissionAsync(code, name, chain, token)));
        // After the first cell, whose result the user waits for at start-up, not alongside it.
        if (_settings is { WarmUp: true, BackgroundWarmUps: > 0 })
            lock (_gate)
                _backgroundWarmUp ??= cell.ContinueWith(_ => RehearseWarmUpCell(), CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
        return cell;
    }

    async Task<CellResult> RunSubmissionAsync(string code, string name, bool chain, CancellationToken cancellation)
    {
        var chainOfCells = _chain.Value;
        var cell = chainOfCells.Compile(code, name, cancellation);
        if (!cell.Succeeded) return CompileFailure(cell.Errors);
        // Jupyter's user_expressions are evaluated without becoming part of the session.
        if (!chain) cell = cell with { JoinsChain = false };
        // An exception goes to RunCellAsync, which makes it the cell's error.
        var value = await chainOfCells.RunAsync(cell);
        var hasValue = cell.Factory is not null && HasResult(cell.Compilation, cell.Tree);
        return new CellResult { HasValue = hasValue, Value = value, Formatted = hasValue ? Formatter.Format(value) : null };
    }

    /// <summary>
    /// Runs <paramref name="body"/> as a cell on the session thread: its own cancellation token and
    /// <see cref="CellContext"/>, a dispose scope that keeps what the script can still reach (the
    /// session's variables, the value, and the roots the body adds), and failures as <see cref="ScriptError"/>s.
    /// </summary>
    async Task<CellResult> RunCellAsync(string name, IScriptOutput output, Func<CancellationToken, List<object?>, Task<CellResult>> body)
    {
        using var cancellation = new CancellationTokenSource();
        lock (_gate) _running = cancellation;
        var cell = new CellContext(name, output, cancellation.Token);
        using var enter = CellContext.Enter(cell);
        using var experiments = ExperimentHost.UseCancellation(cancellation.Token);
        var scope = torch.NewDisposeScope();
        var roots = new List<object?>();
        var runBefore = ExperimentHost.LastResult;
        CellResult? result = null;
        try
        {
            result = await body(cancellation.Token, roots);
            // A cell that was interrupted but returned (a training run stops at a step boundary and returns
            // its result) still ends as interrupted, so a frontend's queued cells are aborted as after any
            // interrupt; its variables and value are kept.
            return result = result.Error is null && cancellation.IsCancellationRequested ? Interrupted(result, runBefore) : result;
        }
        catch (OperationCanceledException e) when (cancellation.IsCancellationRequested)
        {
            return result = Failure(e, cancellation.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A formatter that threw, a script whose state Roslyn could not build, or a script file's own exception.
            return result = Failure(e, cancellation.Token);
        }
        finally
        {
            lock (_gate) _running = null;
            KeepReachable(scope, roots.Append(result?.Value), output);
            scope.Dispose();
        }
    }

    void KeepReachable(DisposeScope scope, IEnumerable<object?> roots, IScriptOutput output)
    {
        // A cell that left no tensor in its scope has nothing to rescue. The walk costs time in
        // proportion to the session's variables and submissions, so most cells skip it.
        if (scope.Count == 0) return;
        roots = roots.Concat(SessionVariables());
        lock (_scriptAssemblies) roots = roots.Concat(_scriptAssemblies.SelectMany(ScopeSurvivors.StaticRoots)).ToList();
        if (!ScopeSurvivors.Keep(scope, roots))
            output.Write(ConsoleStream.Error, $"warning: the script's variables reach more than {ScopeSurvivors.Budget:N0} objects; tensors beyond that were freed with the cell. Dispose or drop large object graphs you no longer need.\n");
    }

    IEnumerable<object?> SessionVariables() => Variables.Select(v => v.Value);

    /// <summary>
    /// True when the submission (<paramref name="tree"/>, or the compilation's only tree) ends with an
    /// expression (no semicolon) of a non-void type: Roslyn's rule for a submission's value.
    /// </summary>
    internal static bool HasResult(Compilation compilation, SyntaxTree? tree = null)
    {
        tree ??= compilation.SyntaxTrees.Single();
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
            return false;
        return compilation.GetSemanticModel(tree).GetTypeInfo(last.Expression).Type is { SpecialType: not SpecialType.System_Void };
    }

    static CellResult Interrupted(CellResult finished, ExperimentResult? runBefore)
    {
        var run = ExperimentHost.LastResult is { Cancelled: true } last && !ReferenceEquals(last, runBefore) ? last : null;
        var message = run is null
            ? "the cell was interrupted; it ran to its end before a cancellation check stopped it"
            : string.Create(CultureInfo.InvariantCulture, $"the cell was interrupted: training stopped after step {run.Steps} with its checkpoint written ({run.LastCheckpoint ?? run.Folder}); continue it with the same experiment's .Resume(\"{run.Folder}\")");
        return finished with { Error = new ScriptError(ScriptError.InterruptedName, message, [$"Interrupted: {message}"], null) };
    }

    static CellResult CompileFailure(IReadOnlyList<string> lines) =>
        new() { Error = new ScriptError(ScriptError.CompilationErrorName, lines[0], lines, null) };

    static CellResult Failure(Exception exception, CancellationToken cancellation)
    {
        var e = ScriptTraceback.Unwrap(exception);
        var traceback = ScriptTraceback.Lines(e);
        var error = e is OperationCanceledException && cancellation.IsCancellationRequested
            ? new ScriptError(ScriptError.InterruptedName, "the cell was interrupted and stopped at a cancellation check", traceback, e)
            : new ScriptError(e.GetType().Name, e.Message, traceback, e);
        return new CellResult { Error = error };
    }

    void OnAssemblyLoad(object? sender, AssemblyLoadEventArgs args)
    {
        // Submissions are compiled in memory and loaded on this session's thread; their static
        // fields can hold tensors too.
        if (_thread.IsCurrent && string.IsNullOrEmpty(args.LoadedAssembly.Location))
            lock (_scriptAssemblies) _scriptAssemblies.Add(args.LoadedAssembly);
    }
}
