namespace SegGanLab.Data;

/// <summary>The classic dataset mistakes a summary warns about, each with the fix.</summary>
internal static class SummaryChecks
{
    public static IReadOnlyList<string> Find(SegmentationDataset dataset, SampleCounts[] results, List<SampleCounts> failures,
                                             long[] classPixels, long ignored, long total)
    {
        var classes = dataset.Classes;
        var warnings = new List<string>();
        var outOfRange = failures.Where(f => f.Failure is LabelOutOfRangeException).ToArray();
        if (outOfRange.Length > 0)
            warnings.Add($"{outOfRange.Length} of {results.Length} masks hold labels outside the class range, e.g. {outOfRange[0].Failure!.Message}");
        var unreadable = failures.Where(f => f.Failure is not LabelOutOfRangeException).ToArray();
        if (unreadable.Length > 0)
            warnings.Add($"{unreadable.Length} of {results.Length} samples could not be read, e.g. {unreadable[0].Failure!.Message}");

        var readable = results.Length - failures.Count;
        if (readable == 0) return warnings;
        if (!classes.Binary && classes.Count == 2 && classPixels[1] == 0 && ignored > 0 && classes.IgnoreIndex == 255)
            warnings.Add("The masks hold only 0 and 255 while 2 classes are declared and 255 is the ignore index, so every foreground pixel is ignored " +
                         "and class 1 is never learned (the classic binary-mask mistake): open the dataset in binary mode (Datasets.Binary), which reads 255 as class 1.");
        else if (ignored == total)
            warnings.Add($"Every mask pixel is the ignore index {classes.IgnoreIndex}: nothing can be learned; check the mask files and the ignore index.");
        else if (classPixels.Skip(1).All(p => p == 0))
            warnings.Add($"Every mask is empty: only class 0 ('{classes.Names[0]}') and ignored pixels occur. Check that the masks hold class indices " +
                         "(an index mask looks almost black in a viewer) and are not blank exports.");
        else
        {
            var absent = Enumerable.Range(0, classes.Count).Where(c => classPixels[c] == 0).Select(c => $"{c} '{classes.Names[c]}'").ToArray();
            if (absent.Length > 0)
                warnings.Add($"{absent.Length} of {classes.Count} classes never occur ({string.Join(", ", absent.Take(8))}{(absent.Length > 8 ? ", ..." : "")}): " +
                             "expected for a small subset; otherwise check the class list against the mask values.");
        }
        return warnings;
    }
}
