using System.Globalization;

namespace SegGanLab.Plots;

/// <summary>
/// The content of a run's <c>report.html</c>: a header (name, recipe, seed, steps, time), best
/// and final metrics, the loss and metric curves, the per-class IoU chart and table, the
/// confusion matrix and the sample grid of the best evaluation, the options (non-defaults
/// marked) and the environment. Sections without data are left out or say why.
/// </summary>
static class RunReport
{
    public static HtmlDocument Build(RunRecords run, int maxSamples = 4)
    {
        var doc = new HtmlDocument();
        Header(doc, run);
        Summary(doc, run);
        if (run.Train.Any(t => t.Losses.Count > 0))
            doc.BeginSection("Losses").Figure(LossChart.Create(run.Train)).EndSection();
        if (run.Evals.Any(e => e.Metrics.Count > 0))
            doc.BeginSection("Metrics").Figure(MetricChart.Create(run.Evals)).EndSection();
        PerClass(doc, run);
        Confusion(doc, run);
        Samples(doc, run, maxSamples);
        Options(doc, run);
        Environment(doc, run);
        doc.Raw($"<footer>SegGanLab report · plotly.js {HtmlDocument.Escape(PlotlyJs.Version)} embedded (works offline) · written {DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</footer>");
        return doc;
    }

    static void Header(HtmlDocument doc, RunRecords run)
    {
        var facts = new List<string>();
        if (run.Options?.Recipe is { } recipe) facts.Add($"recipe <b>{HtmlDocument.Escape(recipe)}</b>");
        if (run.Options?.Seed is { } seed) facts.Add($"seed {seed}");
        facts.Add($"{ReportFormat.Step(run.LastStep)} steps");
        var epoch = run.Train.Select(t => t.Epoch).Concat(run.Evals.Select(e => e.Epoch)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
        if (double.IsFinite(epoch)) facts.Add(epoch.ToString("0.0", CultureInfo.InvariantCulture) + " epochs");
        var time = run.Train.Select(t => t.Time).Concat(run.Evals.Select(e => e.Time)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
        if (double.IsFinite(time)) facts.Add(ReportFormat.Duration(time) + " training");
        facts.Add($"<code>{HtmlDocument.Escape(run.Label)}</code>");
        doc.Raw($"<header><h1>{HtmlDocument.Escape(run.Name)}</h1><p class=\"sub\">{string.Join("", facts.Select(f => $"<span>{f}</span>"))}</p></header>");
    }

    static void Summary(HtmlDocument doc, RunRecords run)
    {
        doc.BeginSection("Results");
        if (run.BestEval is not { } best || run.FinalEval is not { } final)
        {
            doc.Note(run.Evals.Count == 0 ? "No evaluation yet: metrics.jsonl has no eval record." : "No evaluation has a finite " + run.PrimaryMetric + ".");
            doc.EndSection();
            return;
        }
        var primary = run.PrimaryMetric;
        doc.Raw("<div class=\"cards\">"
            + Card($"best {primary}", ReportFormat.Metric(primary, best.Metric(primary)), $"step {ReportFormat.Step(best.Step)} ({best.Split})")
            + Card($"final {primary}", ReportFormat.Metric(primary, final.Metric(primary)), $"step {ReportFormat.Step(final.Step)}")
            + string.Concat(ReportFormat.MetricNames(run).Where(m => m != primary).Take(4)
                .Select(m => Card(m, ReportFormat.Metric(m, best.Metric(m)), "at the best step")))
            + "</div>");
        doc.Table(["metric", "#best (step " + ReportFormat.Step(best.Step) + ")", "#final (step " + ReportFormat.Step(final.Step) + ")"],
            ReportFormat.MetricNames(run).Select(m => ((IReadOnlyList<HtmlCell>)[m, HtmlCell.Number(ReportFormat.Metric(m, best.Metric(m))), HtmlCell.Number(ReportFormat.Metric(m, final.Metric(m)))], (string?)null)));
        doc.Note($"Best = the {run.PrimarySplit} evaluation with the highest {primary}.");
        doc.EndSection();
    }

    static string Card(string label, string value, string detail) =>
        $"<div class=\"card\"><div class=\"label\">{HtmlDocument.Escape(label)}</div><div class=\"value\">{HtmlDocument.Escape(value)}</div><div class=\"detail\">{HtmlDocument.Escape(detail)}</div></div>";

    // Per-class results, the confusion matrix and samples come from the best evaluation when it has them.
    static EvalRecord? Pick(RunRecords run, Func<EvalRecord, bool> has) =>
        run.BestEval is { } best && has(best) ? best : run.Evals.LastOrDefault(e => e.Split == run.PrimarySplit && has(e)) ?? run.Evals.LastOrDefault(has);

    static void PerClass(HtmlDocument doc, RunRecords run)
    {
        if (Pick(run, e => e.PerClass.Count > 0) is not { } eval) return;
        doc.BeginSection("Per-class results").Figure(PerClassChart.Create(eval, run.Classes));
        doc.Table(["class", "#IoU", "#Acc", "#Dice", "#Precision", "#Recall"], eval.PerClass.Select((c, i) =>
        {
            var index = run.Classes?.Names.ToList().IndexOf(c.Name) is int k and >= 0 ? k : i;
            var color = ChartStyle.Css(run.Classes?.ColorOf(index) ?? ChartStyle.Category(index));
            IReadOnlyList<HtmlCell> cells =
            [
                new($"<span class=\"swatch\" style=\"background:{color}\"></span>{HtmlDocument.Escape(c.Name)}"),
                HtmlCell.Number(ChartStyle.Percent(c.Iou)), HtmlCell.Number(ChartStyle.Percent(c.Acc)), HtmlCell.Number(ChartStyle.Percent(c.Dice)),
                HtmlCell.Number(ChartStyle.Percent(c.Precision)), HtmlCell.Number(ChartStyle.Percent(c.Recall)),
            ];
            return (cells, (string?)null);
        }));
        doc.Note($"At step {ReportFormat.Step(eval.Step)} ({eval.Split}). n/a: the class is in neither the prediction nor the ground truth, and is left out of the means.");
        doc.EndSection();
    }

    static void Confusion(HtmlDocument doc, RunRecords run)
    {
        if (Pick(run, e => e.Confusion is not null) is not { } eval || run.ReadConfusion(eval) is not { } matrix) return;
        doc.BeginSection("Confusion matrix").Figure(ConfusionChart.Create(matrix, ConfusionChart.TitleFor(eval))).EndSection();
    }

    static void Samples(HtmlDocument doc, RunRecords run, int maxSamples)
    {
        if (Pick(run, e => e.Samples is not null) is not { } eval || run.ReadSamples(eval) is not { Samples.Count: > 0 } set) return;
        var grid = MaskGrid.Load(set, run.Classes, maxSamples);
        var png = Path.Combine(set.Directory, "grid.png");
        grid.WritePng(png);
        doc.BeginSection("Samples").Figure(grid.ToFigure(string.Create(CultureInfo.InvariantCulture, $"Samples at step {eval.Step} ({eval.Split})")));
        doc.Note($"Also saved as {Path.GetRelativePath(run.Folder, png)}."
            + (grid.Kind == SampleKind.Segmentation ? " Error map: red = wrong, dark = right, beige = ignored." : ""));
        doc.EndSection();
    }

    static void Options(HtmlDocument doc, RunRecords run)
    {
        if (run.Options is not { } options) return;
        doc.BeginSection("Options");
        var changed = options.Changed.Count();
        doc.Raw($"<p class=\"note\">{changed} of {options.Options.Count} options differ from the recipe's defaults (highlighted).</p>");
        doc.Table(["option", "value", "default"], options.Options.Select(o =>
            ((IReadOnlyList<HtmlCell>)[new($"<code>{HtmlDocument.Escape(o.Name)}</code>"), new($"<code>{HtmlDocument.Escape(o.ValueText)}</code>"), new($"<code>{HtmlDocument.Escape(o.DefaultText)}</code>")],
             o.Differs ? "changed" : null)));
        doc.EndSection();
    }

    static void Environment(HtmlDocument doc, RunRecords run)
    {
        if (run.Environment is not { Entries.Count: > 0 } env) return;
        doc.BeginSection("Environment").Table(["item", "value"], env.Entries.Select(e => ((IReadOnlyList<HtmlCell>)[e.Key, new($"<code>{HtmlDocument.Escape(e.Value)}</code>")], (string?)null))).EndSection();
    }
}
