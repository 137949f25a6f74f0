namespace SegGanLab.Plots;

/// <summary>
/// Writes the offline HTML reports: a run's <c>report.html</c> (the training engine calls
/// <see cref="Write"/> at the end of a run; <c>seggan report RUN</c> rebuilds it) and
/// comparisons of several runs (<c>seggan compare</c>). Pages are self-contained (plotly.js,
/// figures and images inline) and written atomically.
/// </summary>
public static class ReportWriter
{
    /// <summary>Reads the run folder and writes its <c>report.html</c> (and the sample grid's <c>grid.png</c>).</summary>
    /// <param name="runFolder">The run folder.</param>
    /// <param name="maxSamples">How many samples the sample grid shows.</param>
    /// <returns>The report's full path.</returns>
    /// <exception cref="RunFolderException">The folder is not a run folder or one of its files is malformed.</exception>
    public static string Write(string runFolder, int maxSamples = 4)
    {
        var run = RunFolder.Read(runFolder);
        var path = Path.Combine(run.Folder, RunFolder.ReportFileName);
        AtomicFile.WriteAllText(path, RunReport.Build(run, maxSamples).Render($"{run.Name} · SegGanLab report"));
        return path;
    }

    /// <summary>Writes a page comparing two or more runs.</summary>
    /// <param name="runFolders">The run folders, in the order to show them.</param>
    /// <param name="outputPath">The HTML file to write.</param>
    /// <returns>The page's full path.</returns>
    /// <exception cref="ArgumentException">Fewer than two runs, or one run given twice.</exception>
    /// <exception cref="RunFolderException">A folder is not a run folder or one of its files is malformed.</exception>
    public static string WriteComparison(IReadOnlyList<string> runFolders, string outputPath)
    {
        if (runFolders.Count < 2) throw new ArgumentException($"A comparison needs at least two run folders, got {runFolders.Count}.", nameof(runFolders));
        var runs = runFolders.Select(RunFolder.Read).ToList();
        if (runs.GroupBy(r => r.Folder).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"{twice.Key} is given more than once; compare different runs.", nameof(runFolders));
        var path = Path.GetFullPath(outputPath);
        AtomicFile.WriteAllText(path, ComparisonReport.Build(runs).Render($"Comparison of {runs.Count} runs · SegGanLab"));
        return path;
    }
}
