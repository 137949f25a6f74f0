using System.Text.Json;
using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary>
/// Every shipped template, copied by <c>seggan new</c> (script and notebook) and run to the end by
/// <c>seggan run</c> with its steps scaled down (<c>SEGGAN_STEP_SCALE</c>): what a user gets works.
/// </summary>
public sealed class ShippedTemplateTests : IDisposable
{
    // 1200 steps x 0.002: two or three steps, with an evaluation and a checkpoint each (their cadence scales too).
    const string Scale = "0.002";

    readonly Seggan _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [MemberData(nameof(ShippedTemplates.Present), MemberType = typeof(ShippedTemplates))]
    public void New_CopiesTheTemplate_AndTheCopyRunsToTheEnd(string template)
    {
        var copy = template + "-copy";
        var created = _cli.Run("new", template, copy, "--notebook", "--templates", ShippedTemplates.Folder);
        Assert.True(created.ExitCode == 0, created.ToString());
        var script = Path.Combine(_cli.Folder, "experiments", copy + ".csx");
        var notebook = File.ReadAllText(Path.Combine(_cli.Folder, "experiments", copy + ".ipynb"));
        Assert.Contains($".Name(\\\"{copy}\\\")", notebook);
        Assert.DoesNotContain($".Name(\\\"{template}\\\")", notebook);

        var run = RunScaled("run", $"experiments/{copy}.csx", "--json", "--progress", "plain");
        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonDocument.Parse(run.Stdout.TrimEnd('\n').Split('\n')[^1]).RootElement.GetProperty("run");
        Assert.Equal(copy, summary.GetProperty("name").GetString());
        Assert.InRange(summary.GetProperty("steps").GetInt64(), 1, 10);
        Assert.True(summary.GetProperty("final").ValueKind == JsonValueKind.Number, $"no final metric: {summary}");
        var folder = summary.GetProperty("folder").GetString()!;
        Assert.Equal(File.ReadAllText(script), File.ReadAllText(Path.Combine(folder, "script.csx")));
    }

    // The CLI tests run one at a time (AssemblyInfo), so the variable the child inherits reaches no other test.
    CliResult RunScaled(params string[] args)
    {
        Environment.SetEnvironmentVariable("SEGGAN_STEP_SCALE", Scale);
        try { return _cli.Run(args); }
        finally { Environment.SetEnvironmentVariable("SEGGAN_STEP_SCALE", null); }
    }
}
