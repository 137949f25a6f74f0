using System.Globalization;
using SegGanLab.Data;

namespace SegGanLab.Experiments;

/// <summary>
/// The data of an experiment: which dataset (<see cref="Kind"/>, <see cref="Path"/>, splits, the
/// synthetic set's size), how training samples are augmented and how images are normalised. Immutable;
/// the fluent methods return a changed copy: <c>CamVid(path).Resize(480, 352).Crop(256, 256)</c>.
/// Everything here is recorded in options.json, so <see cref="SavedExperiment"/> can open the same data again.
/// </summary>
public sealed partial record DataSpec
{
    DataSpec(string kind) => Kind = kind;

    /// <summary><c>synthetic</c>, <c>camvid</c>, <c>membrane</c>, <c>folder</c>, <c>voc</c>, <c>cityscapes</c>, <c>ade20k</c>, or <c>custom</c> (datasets given as objects).</summary>
    public string Kind { get; }

    /// <summary>The dataset folder (null for synthetic and custom data).</summary>
    public string? Path { get; init; }

    /// <summary>The training split's name in the dataset's layout.</summary>
    public string TrainSplit { get; init; } = "train";

    /// <summary>The validation split's name, or null to hold out <see cref="ValFraction"/> of the training split.</summary>
    public string? ValSplit { get; init; } = "val";

    /// <summary>The share of the training samples held out for validation when there is no validation split.</summary>
    public double ValFraction { get; init; } = 0.2;

    /// <summary>Synthetic: training scenes (null: the dataset's default).</summary>
    public int? Count { get; init; }

    /// <summary>Synthetic: validation scenes.</summary>
    public int ValCount { get; init; } = 256;

    /// <summary>Synthetic: the side of the scenes in pixels (null: the dataset's default).</summary>
    public int? SceneSize { get; init; }

    /// <summary>Synthetic: the scene seed (validation scenes use another stream of it).</summary>
    public long SceneSeed { get; init; }

    /// <summary>Folder: the class names in label order (null: the folder's classes.txt).</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Resize every image and mask (training and validation) to this size first.</summary>
    public (int Width, int Height)? Size { get; init; }

    /// <summary>Random crops of this size for training (validation images stay whole).</summary>
    public (int Width, int Height)? CropSize { get; init; }

    /// <summary>Random rescaling of training samples by a factor in this range.</summary>
    public (double Min, double Max)? ScaleRange { get; init; }

    /// <summary>Flip training samples horizontally with probability 0.5.</summary>
    public bool HorizontalFlip { get; init; } = true;

    /// <summary>Random rotation of training samples by up to this many degrees (0: none).</summary>
    public double RotationDegrees { get; init; }

    /// <summary>Colour jitter of training images (brightness, contrast, saturation, hue), or null.</summary>
    public (double Brightness, double Contrast, double Saturation, double Hue)? Jitter { get; init; }

    /// <summary>Image normalisation: <c>imagenet</c> (pretrained encoders' statistics), <c>unit</c> (0..1) or <c>symmetric</c> (-1..1, pix2pix).</summary>
    public string Normalization { get; init; } = "imagenet";

    /// <summary>Loader worker threads (null: the loader's default).</summary>
    public int? LoaderWorkers { get; init; }

    internal SegmentationDataset? CustomTrain { get; init; }
    internal SegmentationDataset? CustomVal { get; init; }

    /// <summary>This data resized to <paramref name="width"/> x <paramref name="height"/> (training and validation).</summary>
    public DataSpec Resize(int width, int height) => this with { Size = Positive(width, height, nameof(Resize)) };

    /// <summary>This data with random <paramref name="width"/> x <paramref name="height"/> training crops.</summary>
    public DataSpec Crop(int width, int height) => this with { CropSize = Positive(width, height, nameof(Crop)) };

    /// <summary>This data with random rescaling of training samples by <paramref name="min"/>..<paramref name="max"/>.</summary>
    public DataSpec RandomScale(double min = 0.5, double max = 2.0) =>
        min > 0 && max >= min ? this with { ScaleRange = (min, max) }
        : throw new ArgumentOutOfRangeException(nameof(min), $"RandomScale({min}, {max}): use 0 < min <= max, e.g. RandomScale(0.5, 2.0).");

    /// <summary>This data with horizontal flips of training samples on or off.</summary>
    public DataSpec Flip(bool on = true) => this with { HorizontalFlip = on };

    /// <summary>This data with random rotations of training samples by up to <paramref name="degrees"/>.</summary>
    public DataSpec Rotate(double degrees) =>
        degrees is >= 0 and <= 180 ? this with { RotationDegrees = degrees }
        : throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "Rotate(degrees): use 0..180 degrees.");

    /// <summary>This data with colour jitter of training images (as torchvision's ColorJitter).</summary>
    public DataSpec ColorJitter(double brightness = 0.2, double contrast = 0.2, double saturation = 0.2, double hue = 0.05) =>
        this with { Jitter = (brightness, contrast, saturation, hue) };

    /// <summary>This data normalised as <paramref name="kind"/>: <c>imagenet</c>, <c>unit</c> or <c>symmetric</c>.</summary>
    public DataSpec Normalize(string kind) =>
        kind is "imagenet" or "unit" or "symmetric" ? this with { Normalization = kind }
        : throw new ArgumentException($"Normalize(\"{kind}\"): use \"imagenet\", \"unit\" (0..1) or \"symmetric\" (-1..1).", nameof(kind));

    /// <summary>This data loaded by <paramref name="workers"/> background threads (0: on the training thread).</summary>
    public DataSpec Workers(int workers) =>
        workers >= 0 ? this with { LoaderWorkers = workers } : throw new ArgumentOutOfRangeException(nameof(workers), workers, "Workers: use 0 or more.");

    /// <summary>The normalisation as the data layer's object.</summary>
    internal Normalization NormalizationValue => Normalization switch
    {
        "unit" => Data.Normalization.UnitRange,
        "symmetric" => Data.Normalization.Symmetric,
        _ => Data.Normalization.ImageNet,
    };

    /// <summary>A short description: <c>camvid ../camvid (train/val), crop 256x256, flip</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { Path is null ? Kind : $"{Kind} {Path}" };
        if (Size is { } s) parts.Add($"resize {s.Width}x{s.Height}");
        if (CropSize is { } c) parts.Add($"crop {c.Width}x{c.Height}");
        if (ScaleRange is { } r) parts.Add(string.Create(CultureInfo.InvariantCulture, $"scale {r.Min}..{r.Max}"));
        if (HorizontalFlip) parts.Add("flip");
        if (RotationDegrees > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"rotate {RotationDegrees}"));
        if (Jitter is not null) parts.Add("colour jitter");
        return string.Join(", ", parts);
    }

    static (int, int) Positive(int width, int height, string verb) =>
        width > 0 && height > 0 ? (width, height) : throw new ArgumentOutOfRangeException(nameof(width), $"{verb}({width}, {height}): sizes must be positive.");
}
