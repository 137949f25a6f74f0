using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegGanLab.Experiments;
using Spectre.Console;

namespace SegGanLab.Cli;

/// <summary>
/// How <c>seggan eval</c> shows an <see cref="EvaluationReport"/>: a Spectre table on a terminal, the
/// aligned plain table when stdout is redirected, or one JSON object.
/// </summary>
internal static class EvaluationOutput
{
    /// <summary>Writes the per-class table and the summary metrics to stdout.</summary>
    public static void Table(SavedExperiment run, EvaluationReport report)
    {
        var header = $"{run.Name} ({run.Recipe}), {Path.GetFileName(report.Checkpoint)} at step {run.Step}: {report.Dataset} ({report.Split}, {report.Samples} samples)";
        if (Console.IsOutputRedirected || report.Scores is null)
        {
            Console.WriteLine(header);
            Console.WriteLine(report.Scores?.ToTable() ?? Summary(report));
            return;
        }
        var table = new Table().AddColumn("class")
            .AddColumn(new TableColumn("IoU").RightAligned()).AddColumn(new TableColumn("Acc").RightAligned())
            .AddColumn(new TableColumn("Dice").RightAligned()).AddColumn(new TableColumn("Prec").RightAligned());
        foreach (var c in report.Scores.PerClass)
            table.AddRow(Markup.Escape(c.Name), Percent(c.IoU), Percent(c.Accuracy), Percent(c.Dice), Percent(c.Precision));
        // Header and summary as lines of their own: a title or caption would wrap to the table's width.
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(header)}[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(Summary(report))}[/]");
    }

    /// <summary>The report as one JSON object (metrics as fractions; undefined values null).</summary>
    public static string Json(SavedExperiment run, EvaluationReport report) => new JsonObject
    {
        ["run"] = run.Folder,
        ["name"] = run.Name,
        ["recipe"] = run.Recipe,
        ["checkpoint"] = report.Checkpoint,
        ["step"] = run.Step,
        ["dataset"] = report.Dataset,
        ["split"] = report.Split,
        ["samples"] = report.Samples,
        ["metrics"] = new JsonObject(report.Metrics.Select(m => KeyValuePair.Create(m.Key, Finite(m.Value)))),
        ["per_class"] = report.Scores is null ? null : JsonSerializer.SerializeToNode(report.Scores.PerClass),
    }.ToJsonString();

    static string Summary(EvaluationReport report) =>
        string.Join("  ", report.Metrics.Select(m => $"{m.Key} {Percent(m.Value).Trim()}"));

    static string Percent(double v) => double.IsNaN(v) ? "nan" : (100 * v).ToString("0.00", CultureInfo.InvariantCulture);

    static JsonNode? Finite(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
}
