using SegGanLab.Imaging;

namespace SegGanLab.Data;

/// <summary>
/// The dataset layouts SegGanLab reads, each a factory returning a <see cref="SegmentationDataset"/>:
/// <see cref="Synthetic"/> (the embedded default, no files), <see cref="Folder"/>, <see cref="Binary"/>,
/// <see cref="CamVid"/>, <see cref="PascalVoc2012"/>, <see cref="Cityscapes"/> and <see cref="Ade20k"/>.
/// </summary>
public static partial class Datasets
{
    /// <summary>
    /// A folder with <c>images/</c> and <c>masks/</c> (names configurable), matched by file name
    /// without extension. Masks are 8-bit gray or palette PNGs holding class indices. The class
    /// names come from <paramref name="classNames"/> or from <c>classes.txt</c> in the folder
    /// (one name a line; blank lines and lines starting with '#' are skipped).
    /// </summary>
    /// <param name="root">The dataset folder.</param>
    /// <param name="classNames">Class names in label order; null reads <c>root/classes.txt</c>.</param>
    /// <param name="images">The image subfolder.</param>
    /// <param name="masks">The mask subfolder.</param>
    /// <param name="ignoreIndex">The stored value of ignored pixels.</param>
    /// <param name="reduceZeroLabel">Treat stored 0 as ignored and k as class k-1 (mmsegmentation's option).</param>
    /// <param name="palette">Class colours (null: <see cref="ClassPalettes.Distinct"/>).</param>
    /// <exception cref="DatasetException">For a missing folder, no images, an image without mask or no class list.</exception>
    public static FileDataset Folder(string root, IReadOnlyList<string>? classNames = null, string images = "images", string masks = "masks",
                                     int ignoreIndex = 255, bool reduceZeroLabel = false, Palette? palette = null)
    {
        const string hint = "a folder dataset holds images/ and masks/ with matching file names.";
        DatasetFiles.RequireDirectory(root, hint);
        var listFile = classNames is null ? Path.Combine(root, "classes.txt") : null;
        classNames ??= ReadClassList(root);
        var classes = new DatasetClasses(classNames, palette, ignoreIndex);
        var mapping = reduceZeroLabel ? LabelMapping.ReduceZeroLabel(classes.Count, ignoreIndex) : LabelMapping.Identity(classes.Count, ignoreIndex);
        var imageFiles = DatasetFiles.Images(Path.Combine(root, images), hint);
        var pairs = DatasetFiles.PairByStem(imageFiles, Path.Combine(root, masks), stem => stem, hint);
        var labelHint = $"the class list{(listFile is null ? "" : $" in '{listFile}'")} ({classes.Count} classes)" +
                        (reduceZeroLabel ? " and the reduce-zero-label option" : "");
        return new FileDataset($"Folder {Path.GetFileName(Path.TrimEndingDirectorySeparator(root))}", classes, pairs, mapping, labelHint);
    }

    /// <summary>
    /// A binary (foreground/background) folder dataset: masks hold 0 for background and 255 (or 1)
    /// for foreground, as the ISBI membrane set (<c>image/</c> and <c>label/</c>, the default
    /// folder names). Labels come out as 0 and 1.
    /// </summary>
    /// <param name="root">The dataset folder.</param>
    /// <param name="images">The image subfolder.</param>
    /// <param name="masks">The mask subfolder.</param>
    /// <param name="classNames">The two class names (default background, foreground).</param>
    /// <exception cref="DatasetException">For a missing folder, no images or an image without mask.</exception>
    public static FileDataset Binary(string root, string images = "image", string masks = "label", IReadOnlyList<string>? classNames = null)
    {
        const string hint = "a binary dataset holds image/ and label/ (or the folders you name) with matching file names.";
        DatasetFiles.RequireDirectory(root, hint);
        var classes = new DatasetClasses(classNames ?? ["background", "foreground"], ClassPalettes.Distinct(2), 255, binary: true);
        var imageFiles = DatasetFiles.Images(Path.Combine(root, images), hint);
        var pairs = DatasetFiles.PairByStem(imageFiles, Path.Combine(root, masks), stem => stem, hint);
        return new FileDataset($"Binary {Path.GetFileName(Path.TrimEndingDirectorySeparator(root))}", classes, pairs, LabelMapping.Binary(),
                               "that the masks are binary (multi-class masks need Datasets.Folder with a class list)");
    }

    static string[] ReadClassList(string root)
    {
        var path = Path.Combine(root, "classes.txt");
        if (!File.Exists(path))
            throw new DatasetException($"No class list for '{root}': pass the class names, or write '{path}' with one class name a line, in label order.", path);
        var names = DatasetFiles.Lines(path).ToArray();
        if (names.Length == 0)
            throw new DatasetException($"The class list '{path}' is empty; write one class name a line, in label order.", path);
        return names;
    }
}
