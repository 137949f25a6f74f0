namespace SegGanLab.Data;

public static partial class Datasets
{
    /// <summary>PASCAL VOC 2012's 21 classes in label order (background first).</summary>
    public static IReadOnlyList<string> VocClassNames { get; } =
    [
        "background", "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
        "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor",
    ];

    /// <summary>
    /// PASCAL VOC 2012 segmentation: <c>JPEGImages/&lt;id&gt;.jpg</c>, palette PNG masks in
    /// <c>SegmentationClass/&lt;id&gt;.png</c> (their palette indices are the labels) and the id lists
    /// in <c>ImageSets/Segmentation/&lt;split&gt;.txt</c>. 21 classes, 255 (the object borders) ignored.
    /// </summary>
    /// <param name="root">The VOC2012 folder, or a folder holding VOCdevkit/VOC2012 or VOC2012.</param>
    /// <param name="split">train, val or trainval.</param>
    /// <exception cref="DatasetException">For a missing folder, split list, image or mask.</exception>
    public static FileDataset PascalVoc2012(string root, string split = "train")
    {
        const string hint = "VOC 2012 holds JPEGImages/, SegmentationClass/ and ImageSets/Segmentation/<split>.txt (pass the VOC2012 folder).";
        var voc = new[] { root, Path.Combine(root, "VOC2012"), Path.Combine(root, "VOCdevkit", "VOC2012") }
                  .FirstOrDefault(d => Directory.Exists(Path.Combine(d, "JPEGImages")))
                  ?? throw new DatasetException($"'{root}' is not a PASCAL VOC 2012 folder: no JPEGImages/ in it, in VOC2012/ or in VOCdevkit/VOC2012/; {hint}", root);
        var listPath = Path.Combine(voc, "ImageSets", "Segmentation", split + ".txt");
        if (!File.Exists(listPath))
            throw new DatasetException($"The VOC split list '{listPath}' does not exist; use train, val or trainval (the lists in ImageSets/Segmentation).", listPath);
        var pairs = new List<SamplePaths>();
        foreach (var id in DatasetFiles.Lines(listPath))
        {
            var image = DatasetFiles.RequireFile(Path.Combine(voc, "JPEGImages", id + ".jpg"), $"it is listed in '{listPath}'.");
            var mask = DatasetFiles.RequireFile(Path.Combine(voc, "SegmentationClass", id + ".png"),
                                                $"it is listed in '{listPath}': the segmentation lists need SegmentationClass/ masks for every id.");
            pairs.Add(new SamplePaths(image, mask));
        }
        var classes = new DatasetClasses(VocClassNames, ClassPalettes.Voc(21), 255);
        return new FileDataset($"VOC2012 {split}", classes, pairs, LabelMapping.Identity(21, 255),
                               "that the masks are SegmentationClass/ palette PNGs (SegmentationObject/ holds instance ids)");
    }
}
