using SegGanLab.Imaging;

namespace SegGanLab.Data;

public static partial class Datasets
{
    /// <summary>CamVid's 11 classes in label order (SegNet tutorial); stored label 11 is void (ignored).</summary>
    public static IReadOnlyList<string> CamVidClassNames { get; } =
        ["Sky", "Building", "Pole", "Road", "Pavement", "Tree", "SignSymbol", "Fence", "Car", "Pedestrian", "Bicyclist"];

    /// <summary>The standard CamVid colours of the 11 classes (SegNet's label colours).</summary>
    public static Palette CamVidPalette { get; } = new(
    [
        new(128, 128, 128), new(128, 0, 0), new(192, 192, 128), new(128, 64, 128), new(60, 40, 222), new(128, 128, 0),
        new(192, 128, 128), new(64, 64, 128), new(64, 0, 128), new(64, 64, 0), new(0, 128, 192),
    ]);

    /// <summary>
    /// CamVid in the SegNet tutorial layout: <c>train/</c>, <c>trainannot/</c>, <c>val/</c>, ...
    /// and the lists <c>train.txt</c>, <c>val.txt</c>, <c>test.txt</c> whose lines hold an image and
    /// a label path. The lists' absolute <c>/SegNet/CamVid/...</c> paths are resolved against
    /// <paramref name="root"/> by their last two parts. 11 classes; label 11 (void) is the ignore index.
    /// </summary>
    /// <param name="root">The CamVid folder (holding train.txt and train/).</param>
    /// <param name="split">The list to read: train, val or test (or a list file name).</param>
    /// <exception cref="DatasetException">For a missing list, a malformed line or a listed file that does not exist.</exception>
    public static FileDataset CamVid(string root, string split = "train")
    {
        const string hint = "CamVid in the SegNet layout holds train.txt, val.txt and test.txt beside train/, trainannot/, val/, valannot/, ...";
        DatasetFiles.RequireDirectory(root, hint);
        var listPath = Path.Combine(root, split.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? split : split + ".txt");
        if (!File.Exists(listPath))
        {
            var lists = Directory.EnumerateFiles(root, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            throw new DatasetException(
                $"The CamVid list '{listPath}' does not exist; {(lists.Length > 0 ? $"this folder has {string.Join(", ", lists)}: pick one of those splits" : hint)}.", listPath);
        }
        var pairs = new List<SamplePaths>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(listPath))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
                throw new DatasetException($"Line {lineNumber} of '{listPath}' should hold an image path and a label path separated by a space, got \"{line}\".", listPath);
            pairs.Add(new SamplePaths(ResolveListed(root, parts[0], listPath, lineNumber), ResolveListed(root, parts[1], listPath, lineNumber)));
        }
        var classes = new DatasetClasses(CamVidClassNames, CamVidPalette, ignoreIndex: 11);
        return new FileDataset($"CamVid {Path.GetFileNameWithoutExtension(listPath)}", classes, pairs, LabelMapping.Identity(11, 11),
                               "that the masks are CamVid's 11-class label maps (trainannot/, not colour images)");
    }

    // The SegNet lists hold absolute paths from the authors' machine (/SegNet/CamVid/train/x.png):
    // the last two parts (folder and file) locate the file inside the dataset folder.
    static string ResolveListed(string root, string listed, string listPath, int lineNumber)
    {
        var parts = listed.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = parts.Length >= 2 ? Path.Combine(root, parts[^2], parts[^1]) : Path.Combine(root, parts[^1]);
        if (!File.Exists(path))
            throw new DatasetException($"Line {lineNumber} of '{listPath}' names '{listed}', looked for at '{path}', which does not exist; " +
                                       "the list's paths are resolved by their last two parts (folder/file) against the dataset folder.", path);
        return path;
    }
}
