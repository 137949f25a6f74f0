using System.Security.Cryptography;

namespace SegGanLab.Scripting;

/// <summary>
/// A compiled script file as the cache stores it: the assembly and its portable PDB (stack frames
/// show the script's lines), the submission's entry point, and every input the build read, each
/// with its content hash so a later run can tell whether the build is still current.
/// </summary>
/// <param name="Assembly">The emitted assembly.</param>
/// <param name="Symbols">Its portable PDB.</param>
/// <param name="EntryType">The submission class (<c>Submission#0</c>).</param>
/// <param name="EntryMethod">Its factory method, which runs the script.</param>
/// <param name="HasValue">True when the script ends with an expression whose value the run returns.</param>
/// <param name="SourceFiles">The script and its <c>#load</c>-ed files.</param>
/// <param name="References">The assemblies named by <c>#r</c>.</param>
/// <param name="Warnings">The compiler's warnings (empty when read from the cache).</param>
internal sealed record ScriptBinary(byte[] Assembly, byte[] Symbols, string EntryType, string EntryMethod, bool HasValue,
                                    IReadOnlyList<ScriptInput> SourceFiles, IReadOnlyList<ScriptInput> References, IReadOnlyList<string> Warnings);

/// <summary>A file a script build read, with the SHA-256 of its bytes (lower-case hex).</summary>
/// <param name="Path">The full path.</param>
/// <param name="Sha256">The content hash.</param>
internal sealed record ScriptInput(string Path, string Sha256)
{
    /// <summary>The file as it is now; null when it cannot be read.</summary>
    public static ScriptInput? Read(string path)
    {
        try { return new ScriptInput(path, Hash(File.ReadAllBytes(path))); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>True when the file still has this content.</summary>
    public bool IsCurrent() => Read(Path) is { } now && now.Sha256 == Sha256;
}
