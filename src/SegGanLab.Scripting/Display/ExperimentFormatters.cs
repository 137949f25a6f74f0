using System.Globalization;
using System.Net;
using System.Text;
using SegGanLab.Experiments;
using SegGanLab.Plots;

namespace SegGanLab.Scripting;

/// <summary>
/// Formatters for the experiment DSL's values: an <see cref="ExperimentResult"/> shows its summary
/// (run folder, steps, time, final and best primary metric) and its loss and metric charts; an
/// <see cref="ExperimentSummary"/> shows its sections as a table with each model's layer table.
/// </summary>
internal static class ExperimentFormatters
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void RegisterAll()
    {
        Formatter.Register<ExperimentResult>(Result);
        Formatter.Register<ExperimentSummary>(summary => new MimeBundle()
            .Add("text/html", SummaryHtml(summary))
            .Add(MimeBundle.TextPlain, summary.ToString().TrimEnd()));
    }

    static MimeBundle Result(ExperimentResult result)
    {
        var metric = result.PrimaryMetric;
        var rows = new List<(string, string)>
        {
            ("run folder", $"<code>{Escape(result.Folder)}</code>"),
            ("steps", Escape(ReportFormat.Step(result.Steps) + (result.Cancelled ? " (interrupted: the checkpoint holds the last step)" : result.StopReason is { } why ? $" (stopped early: {why})" : ""))),
            ("time", Escape(ReportFormat.Duration(result.Elapsed.TotalSeconds))),
            ($"final {metric}", Escape(ReportFormat.Metric(metric, result.FinalMetric))),
            ($"best {metric}", Escape(result.Best is { } best ? $"{ReportFormat.Metric(metric, result.BestMetric)} at step {ReportFormat.Step(best.Step)}" : "n/a")),
        };
        if (result.LastCheckpoint is { } last) rows.Add(("checkpoint", $"<code>{Escape(last)}</code>"));
        if (result.Report is { } report) rows.Add(("report", $"<code>{Escape(report)}</code>"));

        var html = new StringBuilder($"<p><b>{Escape(result.Name)}</b> ({Escape(result.Recipe)})</p>\n").Append(Table(rows));
        var charts = false;
        if (result.History.Any(t => t.Losses.Count > 0))
        {
            html.Append('\n').Append(NotebookBundle.Html(LossChart.Create(result.History), includePlotlyJs: false));
            charts = true;
        }
        if (result.Evaluations.Any(e => e.Metrics.Count > 0))
        {
            html.Append('\n').Append(NotebookBundle.Html(MetricChart.Create(result.Evaluations), includePlotlyJs: false));
            charts = true;
        }
        return new MimeBundle { UsesPlotlyJs = charts }.Add("text/html", html.ToString()).Add(MimeBundle.TextPlain, result.ToString());
    }

    static string SummaryHtml(ExperimentSummary s)
    {
        var rows = new List<(string, string)> { ("data", Escape(s.Data) + Lines(s.DataLines)) };
        foreach (var m in s.Models)
        {
            var head = string.Create(Inv, $"{Escape(m.Description)} ({Escape(m.Type)}, {m.Parameters:N0} parameters)");
            var layers = m.Layers is { } table ? $"<details><summary>layers</summary><pre>{Escape(table.ToString().TrimEnd())}</pre></details>" : "";
            rows.Add((m.Part, head + layers));
        }
        foreach (var (side, expression) in s.Losses) rows.Add(($"loss {side}", $"<code>{Escape(expression)}</code>"));
        if (s.LossValues.Count > 0)
            rows.Add(("on one batch", Escape(string.Join(", ", s.LossValues.Select(v => string.Create(Inv, $"{v.Key} {v.Value:0.####}"))))));
        foreach (var (role, optimizer) in s.Optimizers) rows.Add(($"optimizer {role}", Escape(optimizer)));
        rows.Add(("schedule", Escape(s.Schedule)));
        rows.Add(("training", Escape(string.Join(", ", s.Training.Select(t => $"{t.Key} {t.Value}")))));
        if (s.Metrics.Count > 0)
            rows.Add(("evaluation walked", Escape(string.Join(", ", s.Metrics.Select(v => string.Create(Inv, $"{v.Key} {v.Value:0.###}")))) + " (one batch, untrained)"));
        return $"<p><b>Experiment {Escape(s.Name)}</b> ({Escape(s.Recipe)})</p>\n" + Table(rows);
    }

    static string Lines(IEnumerable<string> lines) => string.Concat(lines.Select(l => "<br>" + Escape(l)));

    // Label cells are escaped here; value cells arrive as HTML.
    static string Table(IEnumerable<(string Label, string Html)> rows) =>
        "<table><tbody>" + string.Concat(rows.Select(r => $"<tr><th style=\"text-align:left;vertical-align:top\">{Escape(r.Label)}</th><td style=\"text-align:left\">{r.Html}</td></tr>")) + "</tbody></table>";

    static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");
}
