using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace SegGanLab.Scripting;

/// <summary>
/// Compiles a script file into one submission with <see cref="CSharpCompilation.CreateScriptCompilation"/>,
/// as Roslyn's scripting API does internally, but keeps the emitted assembly and PDB so that the
/// cache can store them: the scripting API compiles into memory on every run and offers no way to
/// reuse a compiled submission. <c>#load</c> resolves relative to the file holding the directive,
/// <c>#r</c> likewise; diagnostics carry the full path of the file they are in.
/// </summary>
internal static class ScriptFileCompiler
{
    /// <summary>The submission class, named as Roslyn's scripting names the first submission (tracebacks hide it).</summary>
    const string SubmissionClass = "Submission#0";

    /// <summary>Compiles <paramref name="source"/> (the bytes of <paramref name="path"/>); the binary is null when there are errors.</summary>
    public static (ScriptBinary? Binary, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Compile(string path, byte[] source, ScriptBuildSettings settings)
    {
        var directory = Path.GetDirectoryName(path)!;
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);
        var text = SourceText.From(source, source.Length, Encoding.UTF8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: true);
        var tree = CSharpSyntaxTree.ParseText(text, parse, path);
        var loads = new RecordingSourceResolver(directory);
        var options = ScriptCompilation.Options(settings.Imports.Select(i => i.Name), loads,
                new CachingMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory)))
            .WithScriptClassName(SubmissionClass);
        var compilation = CSharpCompilation.CreateScriptCompilation(
            "seggan-script-" + Path.GetFileNameWithoutExtension(path), tree, ScriptReferences.For(settings.Assemblies), options,
            previousScriptCompilation: null, returnType: typeof(object), globalsType: settings.GlobalsType);

        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emit = compilation.Emit(pe, pdb, options: ScriptCompilation.Emitting);
        var diagnostics = compilation.GetDiagnostics().Concat(emit.Diagnostics).Distinct().ToList();
        var errors = ScriptCompilation.Format(diagnostics, DiagnosticSeverity.Error);
        var warnings = ScriptCompilation.Format(diagnostics, DiagnosticSeverity.Warning);
        if (!emit.Success || errors.Count > 0) return (null, errors, warnings);

        var entry = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException($"The compiler gave {path} no entry point.");
        var sources = new List<ScriptInput> { new(path, ScriptInput.Hash(source)) };
        sources.AddRange(loads.Read.Where(r => r.Path != path));
        var references = compilation.DirectiveReferences.OfType<PortableExecutableReference>()
            .Select(r => r.FilePath).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(p => ScriptInput.Read(p) ?? throw new IOException($"The assembly '{p}' named by #r cannot be read."))
            .ToList();
        var binary = new ScriptBinary(pe.ToArray(), pdb.ToArray(), entry.ContainingType.MetadataName, entry.MetadataName,
                                      ScriptSession.HasResult(compilation, tree), sources, references, warnings);
        return (binary, [], warnings);
    }
}
