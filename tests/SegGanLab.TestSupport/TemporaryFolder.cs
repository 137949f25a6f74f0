namespace SegGanLab.Tests;

/// <summary>A fresh folder under the system's temp folder for a test's files, deleted on dispose.</summary>
public sealed class TemporaryFolder : IDisposable
{
    /// <summary>Creates the folder; its name starts with <paramref name="prefix"/>.</summary>
    public TemporaryFolder(string prefix = "seggan-test-") => Root = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> (LF line ends) to <paramref name="relativePath"/>, creating folders, and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
