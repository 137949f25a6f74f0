namespace SegGanLab.Data;

public static partial class Datasets
{
    /// <summary>ADE20K's 150 SceneParsing classes in label order (after reduce-zero-label: stored k is class k-1).</summary>
    public static IReadOnlyList<string> Ade20kClassNames { get; } =
    [
        "wall", "building", "sky", "floor", "tree", "ceiling", "road", "bed", "windowpane", "grass", "cabinet",
        "sidewalk", "person", "earth", "door", "table", "mountain", "plant", "curtain", "chair", "car", "water",
        "painting", "sofa", "shelf", "house", "sea", "mirror", "rug", "field", "armchair", "seat", "fence", "desk",
        "rock", "wardrobe", "lamp", "bathtub", "railing", "cushion", "base", "box", "column", "signboard",
        "chest of drawers", "counter", "sand", "sink", "skyscraper", "fireplace", "refrigerator", "grandstand", "path",
        "stairs", "runway", "case", "pool table", "pillow", "screen door", "stairway", "river", "bridge", "bookcase",
        "blind", "coffee table", "toilet", "flower", "book", "hill", "bench", "countertop", "stove", "palm",
        "kitchen island", "computer", "swivel chair", "boat", "bar", "arcade machine", "hovel", "bus", "towel", "light",
        "truck", "tower", "chandelier", "awning", "streetlight", "booth", "television receiver", "airplane",
        "dirt track", "apparel", "pole", "land", "bannister", "escalator", "ottoman", "bottle", "buffet", "poster",
        "stage", "van", "ship", "fountain", "conveyer belt", "canopy", "washer", "plaything", "swimming pool", "stool",
        "barrel", "basket", "waterfall", "tent", "bag", "minibike", "cradle", "oven", "ball", "food", "step", "tank",
        "trade name", "microwave", "pot", "animal", "bicycle", "lake", "dishwasher", "screen", "blanket", "sculpture",
        "hood", "sconce", "vase", "traffic light", "tray", "ashcan", "fan", "pier", "crt screen", "plate", "monitor",
        "bulletin board", "shower", "radiator", "glass", "clock", "flag",
    ];

    /// <summary>
    /// ADE20K SceneParsing (<c>ADEChallengeData2016</c>): <c>images/&lt;split&gt;/*.jpg</c> with
    /// <c>annotations/&lt;split&gt;/*.png</c>. The stored 0 ("other") is ignored and stored k becomes
    /// class k-1 (reduce-zero-label), giving 150 classes with 255 as the ignore index.
    /// </summary>
    /// <param name="root">The ADEChallengeData2016 folder (or the folder holding it).</param>
    /// <param name="split">training or validation (train and val are accepted too).</param>
    /// <exception cref="DatasetException">For missing folders, no images or an image without annotation.</exception>
    public static FileDataset Ade20k(string root, string split = "training")
    {
        const string hint = "ADE20K holds images/training, images/validation, annotations/training and annotations/validation.";
        var folder = split switch { "train" => "training", "val" => "validation", _ => split };
        var ade = Directory.Exists(Path.Combine(root, "ADEChallengeData2016")) ? Path.Combine(root, "ADEChallengeData2016") : root;
        var images = DatasetFiles.Images(Path.Combine(ade, "images", folder), hint);
        var pairs = DatasetFiles.PairByStem(images, Path.Combine(ade, "annotations", folder), stem => stem, hint);
        var classes = new DatasetClasses(Ade20kClassNames, ClassPalettes.Voc(150), 255);
        return new FileDataset($"ADE20K {folder}", classes, pairs, LabelMapping.ReduceZeroLabel(150, 255),
                               "that the annotations are the SceneParsing 150-class PNGs");
    }
}
