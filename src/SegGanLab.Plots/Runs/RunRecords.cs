namespace SegGanLab.Plots;

/// <summary>
/// Everything a run folder says, read by <see cref="RunFolder.Read"/>: options, classes,
/// environment and the metrics log. Confusion matrices and samples are read on demand.
/// Training code that has its records in memory can build one directly for charts.
/// </summary>
/// <param name="Folder">The run folder's full path.</param>
/// <param name="Options"><c>options.json</c>, if present.</param>
/// <param name="Classes"><c>classes.json</c>, if present.</param>
/// <param name="Environment"><c>env.json</c>, if present.</param>
/// <param name="Train">The train records of <c>metrics.jsonl</c>, in file order.</param>
/// <param name="Evals">The eval records of <c>metrics.jsonl</c>, in file order.</param>
public sealed record RunRecords(
    string Folder,
    RunOptions? Options,
    RunClasses? Classes,
    RunEnvironment? Environment,
    IReadOnlyList<TrainRecord> Train,
    IReadOnlyList<EvalRecord> Evals)
{
    /// <summary>The run's name: options.json's <c>name</c>, else the folder's name.</summary>
    public string Name => Options?.Name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder));

    /// <summary>The run's label in comparisons: the folder name (unique per run, it has the start time).</summary>
    public string Label => Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder));

    /// <summary>Whether this is a deblur run (PSNR/SSIM instead of segmentation metrics).</summary>
    public bool IsDeblur => Evals.Count > 0 && Evals.All(e => !e.Metrics.ContainsKey("mIoU") && e.Metrics.ContainsKey("PSNR"));

    /// <summary>The last optimisation step with a record, or null when there is none.</summary>
    public long? LastStep => Train.Select(t => (long?)t.Step).Concat(Evals.Select(e => (long?)e.Step)).Max();

    /// <summary>The metric the best evaluation is chosen by: <c>mIoU</c>, or <c>PSNR</c> for deblur runs.</summary>
    public string PrimaryMetric => RunSummary.PrimaryMetricOf(Evals);

    /// <summary>The split best/final metrics are reported on: <c>val</c> when present, else the first evaluated.</summary>
    public string? PrimarySplit => RunSummary.PrimarySplitOf(Evals);

    /// <summary>The evaluation of <see cref="PrimarySplit"/> with the highest <see cref="PrimaryMetric"/>, or null.</summary>
    public EvalRecord? BestEval => RunSummary.Best(Evals, PrimaryMetric, PrimarySplit);

    /// <summary>The last evaluation of <see cref="PrimarySplit"/>, or null.</summary>
    public EvalRecord? FinalEval => Evals.LastOrDefault(e => e.Split == PrimarySplit);

    /// <summary>The confusion matrix of an evaluation, or null when it has none.</summary>
    public ConfusionMatrix? ReadConfusion(EvalRecord eval) =>
        eval.Confusion is { } rel ? ConfusionMatrix.Read(Resolve(rel, "confusion")) : null;

    /// <summary>The samples of an evaluation, or null when it has none.</summary>
    public SampleSet? ReadSamples(EvalRecord eval) =>
        eval.Samples is { } rel ? SampleSet.Read(Resolve(rel, "samples")) : null;

    string Resolve(string relative, string field)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Folder)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new RunFolderException($"An eval record's \"{field}\" ({relative}) points outside the run folder {Folder}; it must be relative to the run folder.");
        return full;
    }
}
