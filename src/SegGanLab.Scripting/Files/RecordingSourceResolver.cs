using Microsoft.CodeAnalysis;

namespace SegGanLab.Scripting;

/// <summary>
/// Resolves <c>#load</c> like Roslyn's <see cref="SourceFileResolver"/> (relative to the file that
/// holds the directive) and records the hash of exactly the bytes the compiler read, so the cache
/// key covers every loaded file as compiled.
/// </summary>
internal sealed class RecordingSourceResolver(string baseDirectory) : SourceReferenceResolver
{
    readonly SourceFileResolver _files = new([], baseDirectory);
    readonly List<ScriptInput> _read = [];

    /// <summary>The files opened so far, in order, each once.</summary>
    public IReadOnlyList<ScriptInput> Read
    {
        get { lock (_read) return _read.ToArray(); }
    }

    public override string? NormalizePath(string path, string? baseFilePath) => _files.NormalizePath(path, baseFilePath);

    public override string? ResolveReference(string path, string? baseFilePath) => _files.ResolveReference(path, baseFilePath);

    public override Stream OpenRead(string resolvedPath)
    {
        var bytes = File.ReadAllBytes(resolvedPath);
        lock (_read)
            if (!_read.Any(r => r.Path == resolvedPath)) _read.Add(new ScriptInput(resolvedPath, ScriptInput.Hash(bytes)));
        return new MemoryStream(bytes, writable: false);
    }

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => _files.GetHashCode();
}
