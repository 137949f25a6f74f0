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

    [Fact]
    public void TrainingNotebook_KeepsTheLiveDisplaysFinalState_AndItsHtmlLoadsPlotlyJsOnce()
    {
        using var jupyter = new JupyterTools();
        // A copy in the temporary folder: the kernel runs beside the notebook, so its runs/ land there too.
        var notebook = Path.Combine(jupyter.Root, "training-display.ipynb");
        File.Copy(Path.Combine(JupyterTools.RepositoryRoot, "tests", "SegGanLab.Kernel.Tests", "Notebooks", "training-display.ipynb"), notebook);
        var (exitCode, log) = jupyter.RunPython(jupyter.Root, TimeSpan.FromMinutes(5),
            "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=180", "--output", "executed", notebook);
        Assert.True(exitCode == 0, log);

        var executed = Path.Combine(jupyter.Root, "executed.ipynb");
        var outputs = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().Select(c => c!["outputs"]!.AsArray()).ToList();
        static string Data(JsonNode output, string mime) => output["data"]![mime] is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : output["data"]![mime]!.ToJsonString();
        const string Loader = "if (!window.Plotly)";

        // nbclient applies update_display_data in place: the notebook keeps one display, in its final state.
        var progress = Assert.Single(outputs[0]);
        Assert.Equal("display_data", progress!["output_type"]!.GetValue<string>());
        Assert.StartsWith("supervised: step 4/4 (100%)  done in", Data(progress, "text/plain"));
        Assert.Contains("<svg", Data(progress, "text/html"));
        // The result's charts are the session's first plotly output: it carries plotly.js; the figure after it does not.
        var result = Assert.Single(outputs[1]);
        Assert.Contains(Loader, Data(result!, "text/html"));
        Assert.Contains("Plotly.newPlot", Data(result!, "text/html"));
        var figure = Assert.Single(outputs[2]);
        Assert.Contains("\"data\"", Data(figure!, "application/vnd.plotly.v1+json"));
        Assert.DoesNotContain(Loader, Data(figure!, "text/html"));
        var best = Data(Assert.Single(outputs[3])!, "text/html");
        Assert.Contains("Evaluation at step ", best);
        Assert.Contains("<th style=\"text-align:right\">Precision</th>", best);

        // nbconvert's HTML shows the HTML fallbacks: plotly.js is in the page once, before the figures that use it.
        (exitCode, log) = jupyter.RunPython(jupyter.Root, TimeSpan.FromMinutes(2), "-m", "nbconvert", "--to", "html", executed);
        Assert.True(exitCode == 0, log);
        var html = File.ReadAllText(Path.Combine(jupyter.Root, "executed.html"));
        Assert.Equal(1, html.Split(Loader).Length - 1);
        Assert.Equal(3, html.Split("window.Plotly.newPlot(").Length - 1);
        Assert.True(html.IndexOf(Loader, StringComparison.Ordinal) < html.IndexOf("window.Plotly.newPlot(", StringComparison.Ordinal));
    }
}
