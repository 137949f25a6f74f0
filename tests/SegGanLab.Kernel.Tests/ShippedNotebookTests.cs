using System.Text.Json.Nodes;
using Xunit;

namespace SegGanLab.Kernel.Tests;

/// <summary>
/// Every notebook the repository ships (notebooks/ and the templates'), executed headless by nbconvert
/// through the installed kernel with its training steps scaled down (<c>SEGGAN_STEP_SCALE</c>): no cell
/// may fail or show an error, and the last cell must show its result.
/// </summary>
public sealed class ShippedNotebookTests
{
    // 1200 steps x 0.002: two or three steps per run, each evaluated; the notebooks run as written otherwise.
    const string StepScale = "0.002";

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "notebooks", "templates" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(JupyterTools.RepositoryRoot, folder), "*.ipynb").Order(StringComparer.Ordinal))
                data.Add($"{folder}/{Path.GetFileName(file)}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_RunsHeadless_WithoutErrors(string notebook)
    {
        using var jupyter = new JupyterTools();
        // A copy in a scratch folder: the kernel starts in the notebook's folder and writes its runs/ there.
        var work = Directory.CreateDirectory(Path.Combine(jupyter.Root, "work")).FullName;
        var copy = Path.Combine(work, Path.GetFileName(notebook));
        File.Copy(Path.Combine(JupyterTools.RepositoryRoot, notebook), copy);
        var outDir = Path.Combine(jupyter.Root, "out");
        // The variable is set for nbconvert (and so for the kernel it starts) only, not for this test process.
        var (exitCode, log) = jupyter.RunPython(work, TimeSpan.FromMinutes(5), "-c",
            $"import os, sys, runpy; os.environ['SEGGAN_STEP_SCALE'] = '{StepScale}'; sys.argv[0] = 'jupyter-nbconvert'; runpy.run_module('nbconvert', run_name='__main__')",
            "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=240", "--output-dir", outDir, copy);
        Assert.True(exitCode == 0, log);

        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, Path.GetFileName(notebook))))!;
        var code = executed["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
        var errors = code.SelectMany(c => c!["outputs"]!.AsArray()).Where(o => o!["output_type"]!.GetValue<string>() == "error").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e!["ename"]}: {e["evalue"]}")));
        Assert.Contains(code[^1]!["outputs"]!.AsArray(), o => o!["output_type"]!.GetValue<string>() is "execute_result" or "display_data");
    }
}
