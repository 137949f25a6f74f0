using SegGanLab.Data;

namespace SegGanLab.Experiments;

// The datasets an experiment can name: bare names in scripts (using static DataSpec).
public sealed partial record DataSpec
{
    /// <summary>
    /// The embedded synthetic scenes (no files): <paramref name="count"/> training scenes of
    /// <paramref name="size"/> x <paramref name="size"/> pixels (null: the data layer's calibrated
    /// defaults) and <paramref name="valCount"/> validation scenes from another stream of <paramref name="seed"/>.
    /// </summary>
    public static DataSpec Synthetic(int? count = null, int? size = null, int valCount = 256, long seed = 0)
    {
        if (count is < 1 || valCount < 1) throw new ArgumentOutOfRangeException(nameof(count), "Synthetic: count and valCount must be at least 1.");
        return new DataSpec("synthetic") { Count = count, SceneSize = size, ValCount = valCount, SceneSeed = seed, ValSplit = null };
    }

    /// <summary>CamVid in the SegNet tutorial layout (train.txt, val.txt, train/, trainannot/, ...): 11 classes, void ignored.</summary>
    public static DataSpec CamVid(string path) => Files("camvid", path);

    /// <summary>The ISBI 2012 membrane set (image/, label/ with 0/255 masks): binary; <paramref name="valFraction"/> of it held out for validation.</summary>
    public static DataSpec Membrane(string path, double valFraction = 0.2) => Files("membrane", path) with { ValSplit = null, ValFraction = Fraction(valFraction) };

    /// <summary>
    /// A folder with images/ and masks/ (class indices as 8-bit PNG), classes from
    /// <paramref name="classes"/> or its classes.txt; validation from the folder <paramref name="val"/>
    /// (same layout) or, when null, <paramref name="valFraction"/> of the samples.
    /// </summary>
    public static DataSpec Folder(string path, IReadOnlyList<string>? classes = null, string? val = null, double valFraction = 0.2) =>
        Files("folder", path) with { ClassNames = classes, TrainSplit = "", ValSplit = val, ValFraction = Fraction(valFraction) };

    /// <summary>PASCAL VOC 2012 segmentation (train and val lists): 21 classes, borders ignored.</summary>
    public static DataSpec PascalVoc(string path) => Files("voc", path);

    /// <summary>Cityscapes fine annotations (train and val): 19 classes.</summary>
    public static DataSpec Cityscapes(string path) => Files("cityscapes", path);

    /// <summary>ADE20K SceneParsing (training and validation): 150 classes.</summary>
    public static DataSpec Ade20k(string path) => Files("ade20k", path) with { TrainSplit = "training", ValSplit = "validation" };

    /// <summary>Datasets built in code (a dataset class of your own); <paramref name="val"/> null: no evaluation data.</summary>
    /// <remarks>options.json records their names only, so <see cref="SavedExperiment"/> needs the data passed in again.</remarks>
    public static DataSpec FromDatasets(SegmentationDataset train, SegmentationDataset? val = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        return new DataSpec("custom") { CustomTrain = train, CustomVal = val, TrainSplit = train.Name, ValSplit = val?.Name };
    }

    /// <summary>
    /// Reads a dataset as the command line writes it: <c>synthetic</c>, <c>camvid:PATH</c>,
    /// <c>membrane:PATH</c>, <c>folder:PATH</c>, <c>voc:PATH</c>, <c>cityscapes:PATH</c> or <c>ade20k:PATH</c>.
    /// </summary>
    /// <exception cref="ArgumentException">For another form; the message lists the valid ones.</exception>
    public static DataSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var colon = spec.IndexOf(':');
        var (kind, path) = colon < 0 ? (spec.Trim().ToLowerInvariant(), "") : (spec[..colon].Trim().ToLowerInvariant(), spec[(colon + 1)..]);
        if (kind == "synthetic" && path.Length == 0) return Synthetic();
        if (path.Length > 0)
            switch (kind)
            {
                case "camvid": return CamVid(path);
                case "membrane": return Membrane(path);
                case "folder": return Folder(path);
                case "voc": return PascalVoc(path);
                case "cityscapes": return Cityscapes(path);
                case "ade20k": return Ade20k(path);
            }
        throw new ArgumentException($"'{spec}' is not a dataset: use synthetic, camvid:PATH, membrane:PATH, folder:PATH, voc:PATH, cityscapes:PATH or ade20k:PATH.", nameof(spec));
    }

    /// <summary>The spec a factory gives for this kind and path: the baseline options.json marks changes against.</summary>
    internal DataSpec Baseline() => Kind switch
    {
        "synthetic" => Synthetic(),
        "membrane" => Membrane(Path!),
        "folder" => Folder(Path!, ClassNames, ValSplit),
        "ade20k" => Ade20k(Path!),
        "custom" => this with { Size = null, CropSize = null, ScaleRange = null, HorizontalFlip = true, RotationDegrees = 0, Jitter = null, Normalization = "imagenet", LoaderWorkers = null },
        _ => Files(Kind, Path!),
    };

    static DataSpec Files(string kind, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new DataSpec(kind) { Path = path };
    }

    static double Fraction(double f) =>
        f is > 0 and < 1 ? f : throw new ArgumentOutOfRangeException(nameof(f), f, "valFraction: hold out a share between 0 and 1 (exclusive), e.g. 0.2.");
}
