namespace SegGanLab.Plots;

/// <summary>The content of a comparison page: a table of best and final metrics, overlaid metric curves and loss totals.</summary>
static class ComparisonReport
{
    public static HtmlDocument Build(IReadOnlyList<RunRecords> runs)
    {
        var doc = new HtmlDocument();
        doc.Raw($"<header><h1>Comparison of {runs.Count} runs</h1><p class=\"sub\">{string.Concat(runs.Select(r => $"<span><code>{HtmlDocument.Escape(r.Label)}</code></span>"))}</p></header>");
        var rows = CompareChart.Table(runs);
        var metrics = runs.SelectMany(ReportFormat.MetricNames).Distinct().ToList();
        doc.BeginSection("Best metrics");
        doc.Table(["run", "recipe", "#steps", "#best at step", .. metrics.Select(m => "#" + m), "changed options"], rows.Select(r =>
        {
            var best = r.Best;
            IReadOnlyList<HtmlCell> cells =
            [
                new($"<code>{HtmlDocument.Escape(r.Run)}</code>"), r.Recipe, HtmlCell.Number(ReportFormat.Step(r.Steps)), HtmlCell.Number(ReportFormat.Step(best?.Step)),
                .. metrics.Select(m => HtmlCell.Number(best is null ? "-" : ReportFormat.Metric(m, best.Metric(m)))),
                new(string.Join("<br>", r.Changed.Select(c => $"<code>{HtmlDocument.Escape(c)}</code>"))),
            ];
            return (cells, (string?)null);
        }));
        doc.Note("Each run's best evaluation: the one with the highest mIoU (PSNR for deblur runs) on its validation split; its other metrics are from that same evaluation.");
        doc.EndSection();
        if (runs.Any(r => r.Evals.Count > 0)) doc.BeginSection("Metrics").Figure(CompareChart.Metrics(runs)).EndSection();
        if (runs.Any(r => r.Train.Any(t => t.Losses.Keys.Any(k => k.EndsWith("/total", StringComparison.Ordinal)))))
            doc.BeginSection("Losses").Figure(CompareChart.Losses(runs)).EndSection();
        doc.Raw($"<footer>SegGanLab comparison · plotly.js {HtmlDocument.Escape(PlotlyJs.Version)} embedded (works offline)</footer>");
        return doc;
    }
}
