using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary>
/// The shipped templates: one per recipe, each with a notebook that nbformat accepts, made for the
/// SegGanLab kernel, whose cells are the script's (the percent-format mapping), so the two cannot drift.
/// </summary>
public sealed class TemplateNotebookTests
{
    [Fact]
    public void EveryRecipe_HasATemplate_AndEveryTemplateANotebook()
    {
        var scripts = Directory.EnumerateFiles(ShippedTemplates.Folder, "*.csx").Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet();
        Assert.Subset(ShippedTemplates.Expected.ToHashSet(), scripts);
        foreach (var name in scripts)
            Assert.True(File.Exists(Path.Combine(ShippedTemplates.Folder, name + ".ipynb")), $"templates/{name}.csx has no templates/{name}.ipynb; write it with scripts/csx_notebook.py.");
    }

    [Fact]
    public async Task EveryNotebook_IsValidNbformat4_ByNbformatItself()
    {
        var notebooks = Directory.EnumerateFiles(ShippedTemplates.Folder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(notebooks);
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "import sys, nbformat\nfor f in sys.argv[1:]:\n    nbformat.validate(nbformat.read(f, as_version=nbformat.NO_CONVERT))\n    print(f)" }.Concat(notebooks))
            start.ArgumentList.Add(a);
        using var python = Process.Start(start)!;
        var (stdout, stderr) = (python.StandardOutput.ReadToEndAsync(), python.StandardError.ReadToEndAsync());
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"nbformat rejects a template notebook:\n{await stderr}");
        Assert.Equal(notebooks, (await stdout).TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [MemberData(nameof(ShippedTemplates.Present), MemberType = typeof(ShippedTemplates))]
    public void Notebook_IsForTheSegGanLabKernel_AndItsCellsAreTheScripts(string template)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedTemplates.Folder, template + ".ipynb")))!;
        Assert.Equal(4, notebook["nbformat"]!.GetValue<int>());
        Assert.Equal("seggan", notebook["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("C#", notebook["metadata"]!["language_info"]!["name"]!.GetValue<string>());

        var cells = notebook["cells"]!.AsArray().Select(c => new TemplateCell(
            c!["cell_type"]!.GetValue<string>(), string.Concat(c["source"]!.AsArray().Select(l => l!.GetValue<string>())))).ToList();
        var expected = PercentScript.Cells(Path.Combine(ShippedTemplates.Folder, template + ".csx"));
        Assert.Equal(expected, cells);
        Assert.Contains(cells, c => c.Kind == "code" && c.Source.Contains($".Name(\"{template}\")", StringComparison.Ordinal));
        Assert.All(notebook["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code"),
                   c => Assert.Empty(c!["outputs"]!.AsArray()));
    }
}
