using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
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
    readonly ScriptOptions _options;
    readonly ScriptGlobals _globals;
    readonly ExecutionThread _thread = new("SegGanLab script");
    readonly List<Assembly> _scriptAssemblies = [];
    readonly Lock _gate = new();
    readonly Task _warmUp;
    volatile ScriptState<object>? _state;
    CancellationTokenSource? _running;
    int _anonymousCells;

    /// <summary>Starts a session and warms the compiler up on its thread.</summary>
    public ScriptSession(ScriptSessionOptions? options = null)
    {
        options ??= new ScriptSessionOptions();
        ConsoleCapture.Install();
        _globals = options.Globals;
        var assemblies = options.Imports.Select(i => i.Assembly)
            .Concat(options.References)
            .Append(typeof(ScriptGlobals).Assembly)
            .Append(options.Globals.GetType().Assembly);
        _options = ScriptOptions.Default
            .WithReferences(ScriptReferences.For(assemblies))
            .WithImports(options.Imports.Select(i => i.Name))
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithAllowUnsafe(true)
            .WithMetadataResolver(new CachingMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(options.BaseDirectory)))
            .WithSourceResolver(new CellSourceResolver(options.BaseDirectory));
        AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;
        _warmUp = _thread.Run(WarmUpAsync);
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

    /// <summary>Cancels the running cell's <see cref="ScriptGlobals.Cancellation"/> token (and its compilation); nothing when idle.</summary>
    public void Interrupt()
    {
        lock (_gate) _running?.Cancel();
    }

    /// <summary>The names and values of the script's variables, oldest first (a later cell's variable hides an earlier one of the same name).</summary>
    public IReadOnlyList<(string Name, Type Type, object? Value)> Variables =>
        _state?.Variables.Select(v => (v.Name, v.Type, (object?)v.Value)).ToList() ?? [];

    /// <summary>Stops accepting cells; a cell still running finishes on its own thread.</summary>
    public void Dispose()
    {
        AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;
        _thread.Dispose();
    }

    async Task<object?> WarmUpAsync()
    {
        await StateAsync();
        // Binding a throwaway submission against the imports JIT-compiles Roslyn's binder and emitter,
        // so the user's first cell costs what later cells cost.
        var warm = _state!.Script.ContinueWith("Enumerable.Range(0, 2).Sum() + torch.get_num_threads()", Options("warm-up"));
        await warm.RunFromAsync(_state);
        return null;
    }

    async Task<ScriptState<object>> StateAsync() =>
        _state ??= await CSharpScript.Create("", Options("init"), _globals.GetType()).RunAsync(_globals);

    ScriptOptions Options(string name) => _options.WithFilePath(name);

    Task<CellResult> RunAsync(string code, CellOptions? options, bool chain)
    {
        ArgumentNullException.ThrowIfNull(code);
        var name = options?.Name ?? $"In[{Interlocked.Increment(ref _anonymousCells)}]";
        var output = options?.Output ?? NullScriptOutput.Instance;
        return _thread.Run(() => RunOnThreadAsync(code, name, output, chain));
    }

    async Task<CellResult> RunOnThreadAsync(string code, string name, IScriptOutput output, bool chain)
    {
        using var cancellation = new CancellationTokenSource();
        lock (_gate) _running = cancellation;
        var cell = new CellContext(name, output, cancellation.Token);
        using var enter = CellContext.Enter(cell);
        using var experiments = ExperimentHost.UseCancellation(cancellation.Token);
        var scope = torch.NewDisposeScope();
        CellResult? result = null;
        try
        {
            var state = await StateAsync();
            var script = state.Script.ContinueWith(code, Options(name));
            var errors = script.Compile(cancellation.Token).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) return result = CompileFailure(errors);
            var next = await script.RunFromAsync(state, catchException: _ => true, cancellation.Token);
            if (chain) _state = next;
            if (next.Exception is { } e) return result = Failure(e, cancellation.Token);
            var hasValue = HasResult(script.GetCompilation());
            return result = new CellResult { HasValue = hasValue, Value = next.ReturnValue, Formatted = hasValue ? Formatter.Format(next.ReturnValue) : null };
        }
        catch (OperationCanceledException e) when (cancellation.IsCancellationRequested)
        {
            return result = Failure(e, cancellation.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A formatter that threw, or a script whose state Roslyn could not build.
            return result = Failure(e, cancellation.Token);
        }
        finally
        {
            lock (_gate) _running = null;
            KeepReachable(scope, result, output);
            scope.Dispose();
        }
    }

    void KeepReachable(DisposeScope scope, CellResult? result, IScriptOutput output)
    {
        IEnumerable<object?> roots = (_state?.Variables.Select(v => v.Value) ?? []).Append(result?.Value);
        lock (_scriptAssemblies) roots = roots.Concat(_scriptAssemblies.SelectMany(ScopeSurvivors.StaticRoots)).ToList();
        if (!ScopeSurvivors.Keep(scope, roots))
            output.Write(ConsoleStream.Error, $"warning: the script's variables reach more than {ScopeSurvivors.Budget:N0} objects; tensors beyond that were freed with the cell. Dispose or drop large object graphs you no longer need.\n");
    }

    /// <summary>True when the submission ends with an expression (no semicolon) of a non-void type: Roslyn's rule for a submission's value.</summary>
    static bool HasResult(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
            return false;
        return compilation.GetSemanticModel(tree).GetTypeInfo(last.Expression).Type is { SpecialType: not SpecialType.System_Void };
    }

    static CellResult CompileFailure(IReadOnlyList<Diagnostic> errors)
    {
        var lines = errors.Select(d => CSharpDiagnosticFormatter.Instance.Format(d, CultureInfo.InvariantCulture)).ToList();
        return new CellResult { Error = new ScriptError(ScriptError.CompilationErrorName, lines[0], lines, null) };
    }

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
