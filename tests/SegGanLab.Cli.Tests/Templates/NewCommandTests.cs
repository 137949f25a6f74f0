using System.Text.Json;
using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary><c>seggan new</c> with fixture templates in the working folder's templates/.</summary>
public sealed class NewCommandTests : IDisposable
{
    const string Notebook = """
        {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
                    "source": ["var run = Experiment.Supervised().Name(\"demo-unet\").Run();"]}],
         "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """;

    readonly Seggan _cli = new();

    public NewCommandTests()
    {
        _cli.Write("templates/demo-unet.csx", "// A demo: U-Net on the synthetic scenes.\nvar name = \"demo-unet\"; // demo-unet stays in comments\nConsole.WriteLine(name);\n");
        _cli.Write("templates/demo-unet.ipynb", Notebook);
        _cli.Write("templates/other.csx", "Console.WriteLine(\"other\");\n");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void New_WritesTheScriptAndNotebook_WithTheExperimentsName()
    {
        var result = _cli.Run("new", "demo-unet", "camvid-run", "--notebook");
        Assert.True(result.ExitCode == 0, result.ToString());
        var script = File.ReadAllText(Path.Combine(_cli.Folder, "experiments", "camvid-run.csx"));
        Assert.Equal("// A demo: U-Net on the synthetic scenes.\nvar name = \"camvid-run\"; // demo-unet stays in comments\nConsole.WriteLine(name);\n", script);
        using var notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.Folder, "experiments", "camvid-run.ipynb")));
        Assert.Equal("var run = Experiment.Supervised().Name(\"camvid-run\").Run();",
                     notebook.RootElement.GetProperty("cells")[0].GetProperty("source")[0].GetString());
        Assert.Contains("experiments/camvid-run.csx", result.Stdout);

        var run = _cli.Run("run", "experiments/camvid-run.csx");
        Assert.Equal("camvid-run\n", run.Stdout);
    }

    [Fact]
    public void UnknownTemplate_ListsTheTemplates_ExitCode2()
    {
        var result = _cli.Run("new", "gan", "x");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: There is no template 'gan' in {Path.Combine(_cli.Folder, "templates")}; the templates are: demo-unet, other.\n", result.Stderr);
    }

    [Fact]
    public void ExistingExperiment_IsNotOverwritten_UnlessForced()
    {
        var mine = _cli.Write("experiments/mine.csx", "// my own work\n");
        var refused = _cli.Run("new", "other", "mine");
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Equal($"error: experiments/mine.csx already exists; choose another name, delete it, or pass --force to overwrite it.\n", refused.Stderr);
        Assert.Equal("// my own work\n", File.ReadAllText(mine));
        Assert.Equal(0, _cli.Run("new", "other", "mine", "--force").ExitCode);
        Assert.Equal("Console.WriteLine(\"mine\");\n", File.ReadAllText(mine));
    }

    [Fact]
    public void MissingNotebook_OrBadName_OrMissingArguments_AreUsageErrors()
    {
        var noNotebook = _cli.Run("new", "other", "x", "--notebook");
        Assert.Equal(2, noNotebook.ExitCode);
        Assert.Contains("has no notebook", noNotebook.Stderr);
        Assert.False(File.Exists(Path.Combine(_cli.Folder, "experiments", "x.csx")));

        var badName = _cli.Run("new", "other", "../escape");
        Assert.Equal(2, badName.ExitCode);
        Assert.StartsWith("error: '../escape' cannot name an experiment", badName.Stderr);

        var missing = _cli.Run("new", "other");
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("error: give a template and a name, e.g. seggan new demo-unet my-experiment", missing.Stderr);
    }

    [Fact]
    public void List_ShowsTemplatesWithTheirDescriptions()
    {
        var result = _cli.Run("new", "--list");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("demo-unet", lines[0]);
        Assert.EndsWith("A demo: U-Net on the synthetic scenes.", lines[0]);
        Assert.StartsWith("other", lines[1]);
    }
}
