using System.Diagnostics;

namespace SegGanLab.Scripting;

public sealed partial class ScriptSession
{
    ScriptBuildSettings? _buildSettings;

    ScriptBuildSettings BuildSettings => _buildSettings ??= new ScriptBuildSettings(_settings.Imports, ReferencedAssemblies(), _globals.GetType());

    /// <summary>
    /// Compiles the script file at <paramref name="path"/> as one submission (Release, with the
    /// session's imports and globals; <c>#load</c> and <c>#r</c> relative to the file). With a
    /// <paramref name="cacheDirectory"/> (e.g. <see cref="ScriptCache.DefaultDirectory"/>) an
    /// unchanged script, with unchanged <c>#load</c>-ed files and assemblies and the same SegGanLab
    /// build, reuses its compiled assembly instead of starting the compiler. Compile errors come
    /// back in <see cref="CompiledScript.Errors"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public CompiledScript CompileFile(string path, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"The script '{path}' does not exist{(Directory.Exists(full) ? " (it is a folder; name a .csx file in it)" : "")}.", full);
        var clock = Stopwatch.StartNew();
        var source = File.ReadAllBytes(full);
        var entry = cacheDirectory is null ? null : ScriptCache.EntryFor(Path.GetFullPath(cacheDirectory), full);
        if (entry is not null && ScriptCache.TryLoad(entry, full, ScriptInput.Hash(source), BuildSettings) is { } cached)
            return new CompiledScript(full, cached, fromCache: true, entry, clock.Elapsed);

        var (binary, errors, warnings) = ScriptFileCompiler.Compile(full, source, BuildSettings);
        if (binary is null) return new CompiledScript(full, errors, warnings, clock.Elapsed);
        if (entry is not null && ScriptCache.Store(entry, full, binary, BuildSettings) is { } problem)
            binary = binary with { Warnings = [.. binary.Warnings, problem] };
        return new CompiledScript(full, binary, fromCache: false, entry, clock.Elapsed);
    }

    /// <summary>
    /// Runs a compiled script file on the session's thread as one cell, inside a dispose scope, with
    /// the session's globals (so <c>Args</c>, <c>Cancellation</c> and <c>Display</c> work as in a
    /// cell). It does not join the chain of <see cref="ExecuteAsync(string, CellOptions?)"/>: later
    /// cells do not see its variables. A script that did not compile gives its errors back as a
    /// <c>CompilationError</c>.
    /// </summary>
    public Task<CellResult> ExecuteAsync(CompiledScript script, CellOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (!script.Succeeded) return Task.FromResult(CompileFailure(script.Errors));
        var name = options?.Name ?? script.Path;
        var output = options?.Output ?? NullScriptOutput.Instance;
        return _thread.Run(() => RunCellAsync(name, output, (_, roots) => RunFileAsync(script, roots)));
    }

    async Task<CellResult> RunFileAsync(CompiledScript script, List<object?> roots)
    {
        var run = script.EntryPoint();
        // Roslyn's submission array: the globals first, then each submission's instance (its top-level variables).
        var submissions = new object?[] { _globals, null };
        roots.Add(submissions);
        var value = await run(submissions);
        return new CellResult { HasValue = script.HasValue, Value = value, Formatted = script.HasValue ? Formatter.Format(value) : null };
    }
}
