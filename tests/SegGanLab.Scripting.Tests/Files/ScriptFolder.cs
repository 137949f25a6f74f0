namespace SegGanLab.Scripting.Tests;

/// <summary>A temporary folder for script files and a script cache, deleted with the test.</summary>
internal sealed class ScriptFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("seggan-scripts-").FullName;

    public string Cache => Path.Combine(Root, "cache");

    /// <summary>Writes <paramref name="text"/> (LF line ends) to <paramref name="relativePath"/> and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
