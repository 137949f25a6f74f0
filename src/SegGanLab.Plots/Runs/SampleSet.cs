using System.Text.RegularExpressions;

namespace SegGanLab.Plots;

/// <summary>What a samples folder holds: segmentation triples or deblur triples.</summary>
public enum SampleKind
{
    /// <summary><c>image-k.png</c>, <c>truth-k.png</c>, <c>pred-k.png</c> (labels in the dataset palette).</summary>
    Segmentation,
    /// <summary><c>blurred-k.png</c>, <c>restored-k.png</c>, <c>sharp-k.png</c> (RGB).</summary>
    Deblur,
}

/// <summary>One sample's files: the three PNGs of its kind, in the order they are shown.</summary>
/// <param name="Index">The sample number k.</param>
/// <param name="Files">Full paths, in <see cref="SampleSet.Roles"/> order.</param>
public sealed record SampleFiles(int Index, IReadOnlyList<string> Files);

/// <summary>
/// A <c>samples/step-NNNNNNN/</c> folder: the complete samples found in it, by index. A sample
/// missing one of its files (a run stopped while writing) is left out.
/// </summary>
/// <param name="Directory">The folder.</param>
/// <param name="Kind">Segmentation or deblur samples.</param>
/// <param name="Samples">The complete samples, by increasing index.</param>
public sealed partial record SampleSet(string Directory, SampleKind Kind, IReadOnlyList<SampleFiles> Samples)
{
    /// <summary>The file roles of <see cref="Kind"/>, in the order <see cref="SampleFiles.Files"/> holds them.</summary>
    public IReadOnlyList<string> Roles => RolesOf(Kind);

    /// <summary>The roles of a kind: <c>image, truth, pred</c> or <c>blurred, restored, sharp</c>.</summary>
    public static IReadOnlyList<string> RolesOf(SampleKind kind) =>
        kind == SampleKind.Segmentation ? ["image", "truth", "pred"] : ["blurred", "restored", "sharp"];

    /// <summary>Lists a samples folder.</summary>
    /// <exception cref="RunFolderException">The folder does not exist.</exception>
    public static SampleSet Read(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new RunFolderException($"Samples folder {directory} does not exist; an eval record's \"samples\" names a folder relative to the run folder.");
        var found = System.IO.Directory.EnumerateFiles(directory, "*.png")
            .Select(f => (Path: f, Match: SampleFile().Match(Path.GetFileName(f))))
            .Where(f => f.Match.Success)
            .Select(f => (f.Path, Role: f.Match.Groups[1].Value, Index: int.Parse(f.Match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var kind = found.Any(f => f.Role is "restored" or "blurred" or "sharp") && !found.Any(f => f.Role is "truth" or "pred")
            ? SampleKind.Deblur : SampleKind.Segmentation;
        var roles = RolesOf(kind);
        var samples = found.GroupBy(f => f.Index).OrderBy(g => g.Key)
            .Select(g => new SampleFiles(g.Key, roles.Select(r => g.FirstOrDefault(f => f.Role == r).Path).ToArray()))
            .Where(s => s.Files.All(f => f is not null))
            .ToList();
        return new SampleSet(directory, kind, samples);
    }

    [GeneratedRegex(@"^(image|truth|pred|blurred|restored|sharp)-(\d+)\.png$")]
    private static partial Regex SampleFile();
}
