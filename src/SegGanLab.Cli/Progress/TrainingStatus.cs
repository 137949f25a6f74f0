using System.Diagnostics;
using System.Globalization;
using SegGanLab.Plots;
using SegGanLab.Training;

namespace SegGanLab.Cli;

/// <summary>
/// What the progress displays show about a run, kept up to date from the trainer's events: the
/// step, the speed and ETA of this session, every loss term smoothed (fastai's bias-corrected
/// moving average, beta 0.98, so a display does not flicker with every batch), the learning rates
/// and the last and best evaluation. Both the live display and the plain lines format from here.
/// </summary>
internal sealed class TrainingStatus
{
    const double Beta = 0.98;
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Per term: the running average and how many steps reported it (a term may start late, e.g. semi-supervised losses).
    readonly Dictionary<string, (double Average, int Count)> _averages = new(StringComparer.Ordinal);
    readonly List<string> _order = [];
    readonly Stopwatch _session = new();
    IReadOnlyDictionary<string, double> _learningRates = new Dictionary<string, double>();

    /// <summary>The recipe's name (<c>supervised</c>, <c>gan</c>, ...).</summary>
    public string Recipe { get; private set; } = "";

    /// <summary>The metric that picks the best checkpoint.</summary>
    public string PrimaryMetric { get; private set; } = "mIoU";

    /// <summary>The last completed step.</summary>
    public long Step { get; private set; }

    /// <summary>The run's total steps.</summary>
    public long Total { get; private set; }

    /// <summary>The step this session started from (a resumed run's checkpoint step).</summary>
    public long StartStep { get; private set; }

    /// <summary>The run folder, if the run writes one.</summary>
    public string? Folder { get; private set; }

    /// <summary>The last evaluation, if any.</summary>
    public EvalRecord? LastEvaluation { get; private set; }

    /// <summary>The best evaluation so far, if any.</summary>
    public EvalRecord? BestEvaluation { get; private set; }

    /// <summary>Training starts: resets the averages and the session clock.</summary>
    public void Start(TrainingProgress progress)
    {
        (Recipe, PrimaryMetric, Total, Folder) = (progress.Recipe.Name, progress.Recipe.PrimaryMetric, progress.Options.Steps, progress.RunFolder);
        (Step, StartStep, LastEvaluation, BestEvaluation) = (progress.Step, progress.StartStep, progress.LastEvaluation, progress.BestEvaluation);
        _averages.Clear();
        _order.Clear();
        _session.Restart();
    }

    /// <summary>A step ended: folds its losses into the averages.</summary>
    public void Record(TrainRecord record)
    {
        Step = record.Step;
        foreach (var (name, value) in record.Losses)
        {
            if (!_averages.TryGetValue(name, out var term)) _order.Add(name);
            _averages[name] = (Beta * term.Average + (1 - Beta) * value, term.Count + 1);
        }
        _learningRates = record.LearningRates;
    }

    /// <summary>An evaluation ended.</summary>
    public void Evaluated(TrainingProgress progress, EvalRecord record) =>
        (LastEvaluation, BestEvaluation) = (record, progress.BestEvaluation);

    /// <summary>Completed fraction of the run, 0..1.</summary>
    public double Fraction => Total == 0 ? 0 : Math.Clamp((double)Step / Total, 0, 1);

    /// <summary>Steps per second in this session, or NaN before the first step.</summary>
    public double Speed => Step > StartStep && _session.Elapsed.TotalSeconds > 0 ? (Step - StartStep) / _session.Elapsed.TotalSeconds : double.NaN;

    /// <summary>The estimated time to the last step, from this session's speed; null before the first step.</summary>
    public TimeSpan? Remaining => double.IsNaN(Speed) ? null : TimeSpan.FromSeconds((Total - Step) / Speed);

    /// <summary>The smoothed value of every loss term, in the order the recipe reports them.</summary>
    public IEnumerable<(string Name, double Value)> Losses =>
        _order.Select(n => (n, _averages[n].Average / (1 - Math.Pow(Beta, _averages[n].Count))));

    /// <summary><c>step 120/600 (20%)</c>.</summary>
    public string StepText => string.Create(Inv, $"step {Step}/{Total} ({100 * Fraction:F0}%)");

    /// <summary><c>eta 1:35</c> (hours when needed), or <c>eta -</c> before the first step.</summary>
    public string EtaText => "eta " + (Remaining is { } r ? Duration(r) : "-");

    /// <summary><c>G/total 0.637  G/ce 0.410</c>: the smoothed terms.</summary>
    public string LossText => string.Join("  ", Losses.Select(l => $"{l.Name} {Number(l.Value)}"));

    /// <summary><c>lr 2e-04</c>, or <c>lr G 2e-04 D 1e-04</c> with several optimizers; empty when there are none.</summary>
    public string LearningRateText => _learningRates.Count switch
    {
        0 => "",
        1 => "lr " + Rate(_learningRates.First().Value),
        _ => "lr " + string.Join(" ", _learningRates.Select(kv => $"{kv.Key} {Rate(kv.Value)}")),
    };

    /// <summary><c>mIoU 71.0% (best 72.3% at 400)</c>, or empty before the first evaluation.</summary>
    public string MetricText
    {
        get
        {
            if (LastEvaluation is not { } last) return "";
            var text = $"{PrimaryMetric} {Metric(last.Metric(PrimaryMetric))}";
            return BestEvaluation is { } best && best.Step != last.Step
                ? text + $" (best {Metric(best.Metric(PrimaryMetric))} at {best.Step})"
                : text;
        }
    }

    /// <summary>A metric value as the reports show it: dB for PSNR, SSIM as a fraction, the rest (fractions) as percentages.</summary>
    public string Metric(double value, string? name = null) => (name ?? PrimaryMetric) switch
    {
        _ when double.IsNaN(value) => "n/a",
        "PSNR" => string.Create(Inv, $"{value:F2} dB"),
        "SSIM" => value.ToString("0.000", Inv),
        _ => string.Create(Inv, $"{100 * value:F1}%"),
    };

    /// <summary><c>val mIoU 71.0%  mAcc 80.2%  ...</c>: every metric of an evaluation.</summary>
    public string EvaluationText(EvalRecord record) =>
        record.Split + " " + string.Join("  ", record.Metrics.Select(m => $"{m.Key} {Metric(m.Value, m.Key)}"));

    /// <summary><c>1:35</c>, <c>1:02:03</c>.</summary>
    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? string.Create(Inv, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}") : string.Create(Inv, $"{t.Minutes}:{t.Seconds:00}");

    static string Number(double v) => Math.Abs(v) is >= 1e-3 and < 1e4 or 0 ? v.ToString("0.000", Inv) : v.ToString("0.00e+0", Inv);

    static string Rate(double v) => v.ToString("0.0e-00", Inv);
}
