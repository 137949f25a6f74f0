using Microsoft.CodeAnalysis;

namespace SegGanLab.Scripting;

/// <summary>
/// Resolves <c>#load</c> paths like Roslyn's <see cref="SourceFileResolver"/>, but keeps a cell's
/// name (<c>In[3]</c>) as it is: the file resolver would make it an absolute path under the
/// working directory, and stack frames would show that path instead of the cell.
/// </summary>
internal sealed class CellSourceResolver(string baseDirectory) : SourceReferenceResolver
{
    readonly SourceFileResolver _files = new([], baseDirectory);

    public override string? NormalizePath(string path, string? baseFilePath) =>
        Path.IsPathRooted(path) || File.Exists(Path.Combine(_files.BaseDirectory ?? "", path)) ? _files.NormalizePath(path, baseFilePath) : path;

    public override string? ResolveReference(string path, string? baseFilePath) => _files.ResolveReference(path, baseFilePath);

    public override Stream OpenRead(string resolvedPath) => _files.OpenRead(resolvedPath);

    public override bool Equals(object? other) => other is CellSourceResolver r && _files.Equals(r._files);

    public override int GetHashCode() => _files.GetHashCode();
}
