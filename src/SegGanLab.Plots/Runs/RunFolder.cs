namespace SegGanLab.Plots;

/// <summary>
/// Reads a run folder (<c>docs/run-folder.md</c>) into <see cref="RunRecords"/>. Every file is
/// optional except that a run folder has an <c>options.json</c> or a <c>metrics.jsonl</c>, so a
/// run still in progress, or one that stopped early, reads as far as it got.
/// </summary>
public static class RunFolder
{
    /// <summary>The report file a run folder holds.</summary>
    public const string ReportFileName = "report.html";

    /// <summary>Reads the run folder at <paramref name="path"/>.</summary>
    /// <exception cref="RunFolderException">The folder is missing or not a run folder, or a file in it is malformed.</exception>
    public static RunRecords Read(string path)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!Directory.Exists(folder))
            throw new RunFolderException($"No run folder at {folder}: give the folder a run wrote (runs/<name>-<yyyyMMdd-HHmmss>).");
        string File(string name) => Path.Combine(folder, name);
        var hasOptions = System.IO.File.Exists(File("options.json"));
        var hasMetrics = System.IO.File.Exists(File("metrics.jsonl"));
        if (!hasOptions && !hasMetrics)
            throw new RunFolderException($"{folder} is not a run folder: it has neither options.json nor metrics.jsonl (see docs/run-folder.md).");
        var (train, evals) = hasMetrics ? MetricsLog.Read(File("metrics.jsonl")) : ([], []);
        return new RunRecords(
            folder,
            hasOptions ? RunOptions.Read(File("options.json")) : null,
            System.IO.File.Exists(File("classes.json")) ? RunClasses.Read(File("classes.json")) : null,
            System.IO.File.Exists(File("env.json")) ? RunEnvironment.Read(File("env.json")) : null,
            train,
            evals);
    }
}
