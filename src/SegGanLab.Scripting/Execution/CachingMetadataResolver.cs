using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SegGanLab.Scripting;

/// <summary>
/// Wraps Roslyn's script resolver (<c>#r</c> paths, and assemblies our references need but do not
/// name) so each is resolved, and its file read, once per session instead of once per submission.
/// It leaves out what only the compiler needs: SegGanLab.Scripting references Roslyn (and Roslyn
/// the XML, reflection-emit and networking stacks), but no script type comes from there, and
/// resolving and binding those 30-odd assemblies again for every cell cost about a millisecond
/// per cell, a sixth of compiling <c>1+1</c>. A script that wants Roslyn names it with <c>#r</c>.
/// </summary>
internal sealed class CachingMetadataResolver(MetadataReferenceResolver inner) : MetadataReferenceResolver
{
    const string Compiler = "Microsoft.CodeAnalysis";
    static readonly string ScriptingAssembly = typeof(CachingMetadataResolver).Assembly.GetName().Name!;

    readonly ConcurrentDictionary<(string Reference, string? BaseFilePath, MetadataReferenceProperties Properties), ImmutableArray<PortableExecutableReference>> _references = new();
    readonly ConcurrentDictionary<AssemblyIdentity, PortableExecutableReference?> _missing = new();

    public override bool ResolveMissingAssemblies => inner.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        _references.GetOrAdd((reference, baseFilePath, properties), key => inner.ResolveReference(key.Reference, key.BaseFilePath, key.Properties));

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        IsCompilerOnly(definition, referenceIdentity) ? null : _missing.GetOrAdd(referenceIdentity, identity => inner.ResolveMissingAssembly(definition, identity));

    /// <summary>True for the compiler's assemblies and for what SegGanLab.Scripting or the compiler need that scripts do not see.</summary>
    internal static bool IsCompilerOnly(MetadataReference definition, AssemblyIdentity missing)
    {
        if (missing.Name.StartsWith(Compiler, StringComparison.Ordinal)) return true;
        if (missing.Name.StartsWith("SegGanLab.", StringComparison.Ordinal)) return false;
        var needer = Path.GetFileNameWithoutExtension((definition as PortableExecutableReference)?.FilePath ?? definition.Display ?? "");
        return needer == ScriptingAssembly || needer.StartsWith(Compiler, StringComparison.Ordinal);
    }

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => inner.GetHashCode();
}
