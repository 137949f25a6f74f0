using System.Globalization;
using System.Net;
using System.Text;
using SegGanLab.Plots;
using SegGanLab.Scripting;
using SegGanLab.Training;

namespace SegGanLab.Kernel;

/// <summary>
/// What the live training display shows, as HTML and plain text: the recipe, the step, a progress
/// bar, the speed and ETA of this session, the loss terms (averaged over the last steps, so the
/// numbers do not flicker), the learning rates, the last and best value of the primary metric, a
/// small loss chart and the latest sample masks; at the end, how the run ended and where its
/// checkpoint is.
/// </summary>
internal static class ProgressView
{
    /// <summary>How many of the last steps the shown losses average over.</summary>
    public const int LossWindow = 20;

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The display of <paramref name="progress"/>; <paramref name="result"/> once training has ended.</summary>
    /// <param name="progress">The trainer's view of the run.</param>
    /// <param name="session">Time since this session of the run started (ETA and speed).</param>
    /// <param name="masksPng">The latest sample grid as base64 PNG, if any.</param>
    /// <param name="result">How training ended, or null while it runs.</param>
    public static MimeBundle Render(TrainingProgress progress, TimeSpan session, string? masksPng, RunResult? result)
    {
        var total = progress.Options.Steps;
        var fraction = total == 0 ? 0 : Math.Clamp((double)progress.Step / total, 0, 1);
        var head = string.Create(Inv, $"{progress.Recipe.Name}: step {progress.Step}/{total} ({100 * fraction:0}%)");
        var facts = new List<string>();
        if (result is null)
        {
            var done = progress.Step - progress.StartStep;
            if (done > 0 && session.TotalSeconds > 0) facts.Add(string.Create(Inv, $"{done / session.TotalSeconds:0.0#} steps/s"));
            facts.Add("eta " + (progress.Remaining(session) is { } eta ? ReportFormat.Duration(eta.TotalSeconds) : "-"));
        }
        else facts.Add(Ending(result));
        var lines = new List<string> { Losses(progress.History), LearningRates(progress.LastTrain), Metric(progress) }.Where(l => l.Length > 0).ToList();

        var html = new StringBuilder("<div class=\"sg-progress\">");
        html.Append($"<div><b>{Escape(head)}</b> &middot; {Escape(string.Join(" · ", facts))}</div>");
        html.Append(string.Create(Inv, $"<div style=\"max-width:480px;height:8px;background:#e5e5e5;border-radius:4px;margin:4px 0\"><div style=\"width:{100 * fraction:0.#}%;height:100%;background:{(result?.Cancelled == true ? "#e6a117" : "#1f77b4")};border-radius:4px\"></div></div>"));
        foreach (var line in lines) html.Append($"<div><code>{Escape(line)}</code></div>");
        var chart = LossSparkline.Svg(progress.History);
        if (chart.Length > 0 || masksPng is not null)
        {
            html.Append("<div style=\"display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start;margin-top:4px\">");
            if (chart.Length > 0) html.Append("<div>").Append(chart).Append("</div>");
            if (masksPng is not null)
                html.Append(string.Create(Inv, $"<div><img alt=\"latest samples\" src=\"data:image/png;base64,{masksPng}\"/><div style=\"font-size:0.85em\">samples at step {progress.LastEvaluation?.Step}</div></div>"));
            html.Append("</div>");
        }
        if (progress.RunFolder is { } folder) html.Append($"<div style=\"font-size:0.85em;color:#666\">run folder <code>{Escape(folder)}</code></div>");
        html.Append("</div>");

        var text = string.Join("\n", lines.Prepend($"{head}  {string.Join("  ", facts)}"));
        return new MimeBundle().Add("text/html", html.ToString()).Add(MimeBundle.TextPlain, text);
    }

    static string Ending(RunResult result) =>
        result.Cancelled ? $"interrupted; checkpoint {result.LastCheckpoint ?? "not written"}"
        : result.StopReason is { } why ? $"stopped early: {why}"
        : $"done in {ReportFormat.Duration(result.Elapsed.TotalSeconds)}";

    /// <summary><c>G/total 0.637  G/ce 0.410</c>: each term's mean over the last <see cref="LossWindow"/> steps.</summary>
    static string Losses(IReadOnlyList<TrainRecord> history)
    {
        var window = history.Skip(Math.Max(0, history.Count - LossWindow)).ToList();
        var names = window.SelectMany(r => r.Losses.Keys).Distinct();
        return string.Join("  ", names.Select(n =>
        {
            var values = window.Select(r => r.Losses.TryGetValue(n, out var v) ? v : double.NaN).Where(double.IsFinite).ToList();
            return $"{n} {(values.Count == 0 ? "nan" : Number(values.Average()))}";
        }));
    }

    static string LearningRates(TrainRecord? last) => last is null || last.LearningRates.Count == 0 ? ""
        : "lr " + string.Join(" ", last.LearningRates.Select(kv => last.LearningRates.Count == 1 ? Rate(kv.Value) : $"{kv.Key} {Rate(kv.Value)}"));

    static string Metric(TrainingProgress progress)
    {
        if (progress.LastEvaluation is not { } last) return "";
        var name = progress.Recipe.PrimaryMetric;
        var text = $"{last.Split} {name} {ReportFormat.Metric(name, last.Metric(name))} at step {last.Step}";
        return progress.BestEvaluation is { } best && best.Step != last.Step
            ? text + $" (best {ReportFormat.Metric(name, best.Metric(name))} at {best.Step})"
            : text;
    }

    static string Number(double v) => Math.Abs(v) is >= 1e-3 and < 1e4 or 0 ? v.ToString("0.000", Inv) : v.ToString("0.00e+0", Inv);

    static string Rate(double v) => v.ToString("0.0e-00", Inv);

    static string Escape(string text) => WebUtility.HtmlEncode(text);
}
