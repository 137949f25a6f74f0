using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace SegGanLab.Scripting;

/// <summary>
/// What notebook cells (<see cref="SubmissionChain"/>) and script files (<see cref="ScriptFileCompiler"/>)
/// are compiled with alike, so a cell and a .csx mean the same: Release, unsafe code allowed, the
/// imports, the assembly identity comparer Roslyn's scripting uses, portable PDBs (stack frames show
/// the script's lines), and diagnostics in the compiler's own form.
/// </summary>
internal static class ScriptCompilation
{
    /// <summary>Emits a portable PDB beside the assembly.</summary>
    public static EmitOptions Emitting { get; } = new(debugInformationFormat: DebugInformationFormat.PortablePdb);

    /// <summary>The compilation options of a script submission.</summary>
    public static CSharpCompilationOptions Options(IEnumerable<string> imports, SourceReferenceResolver sources, MetadataReferenceResolver metadata) => new(
        OutputKind.DynamicallyLinkedLibrary,
        usings: imports,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: true,
        sourceReferenceResolver: sources,
        metadataReferenceResolver: metadata,
        assemblyIdentityComparer: DesktopAssemblyIdentityComparer.Default);

    /// <summary>The unsuppressed diagnostics of <paramref name="severity"/>, each as <c>file(line,col): error CSxxxx: message</c>.</summary>
    public static List<string> Format(IEnumerable<Diagnostic> diagnostics, DiagnosticSeverity severity) =>
        diagnostics.Where(d => d.Severity == severity && !d.IsSuppressed)
            .Select(d => CSharpDiagnosticFormatter.Instance.Format(d, CultureInfo.InvariantCulture))
            .ToList();
}
