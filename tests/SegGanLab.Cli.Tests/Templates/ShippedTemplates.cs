using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary>The repository's templates/ folder and the templates it must hold.</summary>
internal static class ShippedTemplates
{
    /// <summary>One template per recipe (issue 8), named as templates/README.md lists them.</summary>
    public static readonly string[] Expected = ["supervised-unet", "adversarial", "semi-supervised", "gan-augmented", "deblur"];

    /// <summary>The checkout's root: the folder above this test assembly holding SegGanLab.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The checkout's templates/.</summary>
    public static string Folder => Path.Combine(RepositoryRoot, "templates");

    /// <summary>The names of the templates present (<c>templates/*.csx</c>), for theories.</summary>
    public static TheoryData<string> Present()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.csx").Order(StringComparer.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SegGanLab.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No SegGanLab.sln above {AppContext.BaseDirectory}; run the tests from the checkout.");
    }
}
