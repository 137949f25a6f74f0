using System.Text.Json.Nodes;
using Xunit;

namespace SegGanLab.Kernel.Tests;

/// <summary>The repository's notebooks, executed headless by nbconvert through the installed kernel.</summary>
public sealed class NotebookTests
{
    [Fact]
    public void TensorBasics_RunsWithoutErrors_AndShowsResultsAndDisplays()
    {
        using var jupyter = new JupyterTools();
        var notebook = Path.Combine(JupyterTools.RepositoryRoot, "notebooks", "tensor-basics.ipynb");
        var outDir = Path.Combine(jupyter.Root, "out");
        var (exitCode, log) = jupyter.RunPython(jupyter.Root, TimeSpan.FromMinutes(5),
            "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=120", "--output-dir", outDir, notebook);
        Assert.True(exitCode == 0, log);

        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "tensor-basics.ipynb")))!;
        var outputs = executed["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code")
            .Select(c => c!["outputs"]!.AsArray()).ToList();
        static string Text(JsonNode output) => string.Concat(output["data"]!["text/plain"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.DoesNotContain(outputs.SelectMany(o => o), o => o!["output_type"]!.GetValue<string>() == "error");
        Assert.Equal("[4, 2]", Text(outputs[0].Single()!));
        Assert.StartsWith("[4x2], type = Float32, device = cpu", Text(outputs[1].Single()!));
        Assert.Equal("true", Text(outputs[2].Last()!));
        var progress = outputs[3].Single()!;
        Assert.Equal(("display_data", "step 3 of 3"), (progress["output_type"]!.GetValue<string>(), Text(progress)));
        Assert.NotNull(outputs[4].Single()!["data"]!["text/html"]);
    }
}
