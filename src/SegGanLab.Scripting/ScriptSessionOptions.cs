using System.Reflection;

namespace SegGanLab.Scripting;

/// <summary>How a <see cref="ScriptSession"/> compiles its submissions.</summary>
public sealed class ScriptSessionOptions
{
    /// <summary>The imports of every submission; <see cref="ScriptDefaults.Imports"/> unless a host adds its own.</summary>
    public IReadOnlyList<ScriptImport> Imports { get; init; } = ScriptDefaults.Imports;

    /// <summary>Assemblies to reference beyond those the imports come from.</summary>
    public IReadOnlyList<Assembly> References { get; init; } = [];

    /// <summary>The object whose members scripts see as globals (its runtime type is the globals type).</summary>
    public ScriptGlobals Globals { get; init; } = new();

    /// <summary>Where <c>#r</c> and <c>#load</c> resolve relative paths for cells that are not files.</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>
    /// Warm the compiler up in the background when the session starts (the kernel's first cell
    /// then costs what later cells cost). Off for a host that runs an already compiled script
    /// (<c>seggan run</c> with a cache hit), which would pay for a compiler it never uses.
    /// </summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>
    /// For a long-lived interactive host (the notebook kernel): after its first cell, the session
    /// compiles a throwaway cell this many more times on a background thread, never running it.
    /// .NET's tiered JIT replaces the compiler's start-up code (unoptimised, or precompiled without
    /// cross-assembly inlining) only once a method has been called often enough, so these rounds get
    /// the compiler's hot paths optimised in the first seconds instead of over the user's first
    /// hundreds of cells: later cells compile about twice as fast (docs/benchmarks.md, "Notebook
    /// kernel"). 0, the default, for hosts that compile only a few cells. Needs <see cref="WarmUp"/>.
    /// </summary>
    public int BackgroundWarmUps { get; init; }
}
