using Xunit;

namespace SegGanLab.Data.Tests.Support;

/// <summary>A test on the real datasets in ../shared/datasets (or $SEGGAN_DATASETS); skipped where they are absent, as on CI.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string folder)
    {
        if (SharedData.Find(folder) is null) Skip = $"no shared dataset '{folder}' (looked in $SEGGAN_DATASETS and ../shared/datasets beside the repository)";
    }
}

internal static class SharedData
{
    /// <summary>The folder of a shared dataset, or null when it is not on this machine.</summary>
    public static string? Find(string folder)
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("SEGGAN_DATASETS") is { Length: > 0 } env) roots.Add(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SegGanLab.sln")))
            {
                roots.Add(Path.Combine(dir.FullName, "..", "shared", "datasets"));
                break;
            }
        return roots.Select(r => Path.Combine(r, folder)).FirstOrDefault(Directory.Exists);
    }
}
