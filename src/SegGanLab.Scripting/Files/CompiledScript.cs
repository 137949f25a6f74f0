
namespace SegGanLab.Scripting;

/// <summary>
/// A script file compiled into one submission (<see cref="ScriptSession.CompileFile"/>), ready to
/// run with <see cref="ScriptSession.ExecuteAsync(CompiledScript, CellOptions?)"/>: its compile
/// errors and warnings in the compiler's own form (<c>/path/x.csx(3,9): error CS0103: ...</c>,
/// also for <c>#load</c>-ed files), the files it was built from, and whether it came from the
/// compiled-script cache. The assembly is loaded on first run, into its own load context together
/// with the assemblies its <c>#r</c> directives name.
/// </summary>
public sealed class CompiledScript
{
    readonly ScriptBinary? _binary;
    readonly Lock _gate = new();
    Func<object?[], Task<object?>>? _entryPoint;

    internal CompiledScript(string path, ScriptBinary binary, bool fromCache, string? cacheEntry, TimeSpan compileTime)
    {
        (Path, _binary, FromCache, CacheEntry, CompileTime) = (path, binary, fromCache, cacheEntry, compileTime);
        (Errors, Warnings, SourceFiles) = ([], binary.Warnings, binary.SourceFiles.Select(f => f.Path).ToArray());
    }

    internal CompiledScript(string path, IReadOnlyList<string> errors, IReadOnlyList<string> warnings, TimeSpan compileTime)
    {
        (Path, Errors, Warnings, CompileTime, SourceFiles) = (path, errors, warnings, compileTime, [path]);
    }

    /// <summary>The script's full path.</summary>
    public string Path { get; }

    /// <summary>True when the script compiled; false when <see cref="Errors"/> says why not.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Every compile error as <c>file(line,col): error CSxxxx: message</c>, with the real file and line.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The compiler's warnings, in the same form; a build tool shows them when it compiles, so a cache hit has none.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The script and the files it <c>#load</c>s (full paths), the script first.</summary>
    public IReadOnlyList<string> SourceFiles { get; }

    /// <summary>True when the compiled assembly came from the cache and nothing was compiled.</summary>
    public bool FromCache { get; }

    /// <summary>The cache folder of this script, or null when it was compiled without a cache.</summary>
    public string? CacheEntry { get; }

    /// <summary>Time spent compiling, or reading and checking the cache entry.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>True when the script ends with an expression (no semicolon) whose value is the run's value.</summary>
    internal bool HasValue => _binary?.HasValue ?? false;

    /// <summary>Loads the assembly (once) and returns the submission's factory: it takes the submission array (globals first) and runs the script.</summary>
    internal Func<object?[], Task<object?>> EntryPoint()
    {
        if (_binary is null) throw new InvalidOperationException($"{Path} did not compile; it has no entry point.");
        lock (_gate)
        {
            if (_entryPoint is not null) return _entryPoint;
            var context = new ScriptLoadContext(System.IO.Path.GetFileName(Path), _binary.References.Select(r => r.Path));
            var assembly = context.LoadScript(_binary.Assembly, _binary.Symbols);
            return _entryPoint = ScriptLoadContext.Factory(assembly, _binary.EntryType, _binary.EntryMethod)
                ?? throw new InvalidOperationException($"The compiled script {Path} has no {_binary.EntryType}.{_binary.EntryMethod}; clear the script cache.");
        }
    }
}
