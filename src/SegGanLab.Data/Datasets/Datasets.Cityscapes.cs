using SegGanLab.Imaging;

namespace SegGanLab.Data;

public static partial class Datasets
{
    /// <summary>Cityscapes' 19 training classes in trainId order.</summary>
    public static IReadOnlyList<string> CityscapesClassNames { get; } =
    [
        "road", "sidewalk", "building", "wall", "fence", "pole", "traffic light", "traffic sign", "vegetation", "terrain",
        "sky", "person", "rider", "car", "truck", "bus", "train", "motorcycle", "bicycle",
    ];

    /// <summary>The official Cityscapes colours of the 19 training classes.</summary>
    public static Palette CityscapesPalette { get; } = new(
    [
        new(128, 64, 128), new(244, 35, 232), new(70, 70, 70), new(102, 102, 156), new(190, 153, 153), new(153, 153, 153),
        new(250, 170, 30), new(220, 220, 0), new(107, 142, 35), new(152, 251, 152), new(70, 130, 180), new(220, 20, 60),
        new(255, 0, 0), new(0, 0, 142), new(0, 0, 70), new(0, 60, 100), new(0, 80, 100), new(0, 0, 230), new(119, 11, 32),
    ]);

    /// <summary>
    /// The official labelId -> trainId table (cityscapesScripts' labels.py) for labelIds 0..33:
    /// the 19 evaluated classes get 0..18, everything else 255 (ignored).
    /// </summary>
    public static IReadOnlyList<int> CityscapesTrainIds { get; } =
    [
        255, 255, 255, 255, 255, 255, 255, // 0 unlabeled, ego vehicle, rectification border, out of roi, static, dynamic, ground
        0, 1, 255, 255,                    // 7 road, sidewalk, parking, rail track
        2, 3, 4, 255, 255, 255,            // 11 building, wall, fence, guard rail, bridge, tunnel
        5, 255, 6, 7,                      // 17 pole, polegroup, traffic light, traffic sign
        8, 9, 10,                          // 21 vegetation, terrain, sky
        11, 12,                            // 24 person, rider
        13, 14, 15, 255, 255, 16, 17, 18,  // 26 car, truck, bus, caravan, trailer, train, motorcycle, bicycle
    ];

    /// <summary>
    /// Cityscapes fine annotations: <c>leftImg8bit/&lt;split&gt;/&lt;city&gt;/*_leftImg8bit.png</c> with
    /// <c>gtFine/&lt;split&gt;/&lt;city&gt;/*_gtFine_labelIds.png</c>, mapped by the official
    /// labelId -> trainId table to 19 classes; every other label is 255 (ignored).
    /// </summary>
    /// <param name="root">The folder holding leftImg8bit/ and gtFine/.</param>
    /// <param name="split">train, val or test.</param>
    /// <exception cref="DatasetException">For missing folders, no images or an image without its labelIds mask.</exception>
    public static FileDataset Cityscapes(string root, string split = "train")
    {
        const string hint = "Cityscapes holds leftImg8bit/<split>/<city>/*_leftImg8bit.png and gtFine/<split>/<city>/*_gtFine_labelIds.png.";
        var imageRoot = DatasetFiles.RequireDirectory(Path.Combine(root, "leftImg8bit", split), hint);
        var maskRoot = DatasetFiles.RequireDirectory(Path.Combine(root, "gtFine", split), hint);
        var pairs = new List<SamplePaths>();
        foreach (var city in Directory.EnumerateDirectories(imageRoot).Order(StringComparer.Ordinal))
        {
            var images = Directory.EnumerateFiles(city, "*_leftImg8bit.png").Order(StringComparer.Ordinal).ToArray();
            if (images.Length == 0) continue;
            var maskFolder = Path.Combine(maskRoot, Path.GetFileName(city));
            pairs.AddRange(DatasetFiles.PairByStem(images, maskFolder, stem => stem[..^"_leftImg8bit".Length] + "_gtFine_labelIds", hint));
        }
        if (pairs.Count == 0)
            throw new DatasetException($"No *_leftImg8bit.png images in the city folders of '{imageRoot}'; {hint}", imageRoot);
        var classes = new DatasetClasses(CityscapesClassNames, CityscapesPalette, 255);
        return new FileDataset($"Cityscapes {split}", classes, pairs, LabelMapping.Table(CityscapesTrainIds, "Cityscapes labelIds 0..33"),
                               "that the masks are *_gtFine_labelIds.png (not *_color.png or *_instanceIds.png)");
    }
}
