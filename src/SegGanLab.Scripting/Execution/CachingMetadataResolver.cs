using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SegGanLab.Scripting;

/// <summary>
/// Wraps Roslyn's script resolver (<c>#r</c> paths, and assemblies our references need but do not
/// name) so each is resolved, and its file read, once per session instead of once per submission.
/// </summary>
internal sealed class CachingMetadataResolver(MetadataReferenceResolver inner) : MetadataReferenceResolver
{
    readonly ConcurrentDictionary<(string Reference, string? BaseFilePath, MetadataReferenceProperties Properties), ImmutableArray<PortableExecutableReference>> _references = new();
    readonly ConcurrentDictionary<AssemblyIdentity, PortableExecutableReference?> _missing = new();

    public override bool ResolveMissingAssemblies => inner.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        _references.GetOrAdd((reference, baseFilePath, properties), key => inner.ResolveReference(key.Reference, key.BaseFilePath, key.Properties));

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        _missing.GetOrAdd(referenceIdentity, identity => inner.ResolveMissingAssembly(definition, identity));

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => inner.GetHashCode();
}
