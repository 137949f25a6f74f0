using SegGanLab.Imaging;

namespace SegGanLab.Data;

/// <summary>
/// A dataset of image files with mask files, the shared engine behind the folder, CamVid, VOC,
/// Cityscapes, ADE20K and binary layouts: each layout only finds the file pairs and says how the
/// stored mask values map to labels (<see cref="LabelMapping"/>).
/// </summary>
public sealed class FileDataset : SegmentationDataset
{
    readonly SamplePaths[] _files;
    readonly LabelMapping _mapping;

    /// <summary>Creates the dataset over <paramref name="files"/>.</summary>
    /// <param name="name">A short name for logs (e.g. "CamVid train").</param>
    /// <param name="classes">What the labels mean.</param>
    /// <param name="files">The image/mask pairs, in sample order.</param>
    /// <param name="mapping">Stored mask value -> label.</param>
    /// <param name="labelHint">What to check when a mask holds an unexpected value (e.g. "the class list in classes.txt").</param>
    /// <exception cref="DatasetException">When <paramref name="files"/> is empty.</exception>
    public FileDataset(string name, DatasetClasses classes, IReadOnlyList<SamplePaths> files, LabelMapping mapping, string labelHint = "the class list")
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new DatasetException($"{name} has no samples: check the dataset folder and split name.");
        (Name, Classes, _files, _mapping, LabelHint) = (name, classes, files.ToArray(), mapping, labelHint);
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override DatasetClasses Classes { get; }

    /// <inheritdoc/>
    public override int Count => _files.Length;

    /// <summary>The image/mask pairs in sample order.</summary>
    public IReadOnlyList<SamplePaths> Files => _files;

    /// <summary>What to check when a mask holds an unexpected value.</summary>
    public string LabelHint { get; }

    /// <inheritdoc/>
    public override string SampleName(int index) => _files[index].Image;

    /// <inheritdoc/>
    protected override SegmentationSample Load(int index)
    {
        var (imagePath, maskPath) = _files[index];
        var image = Read(imagePath, ColorMode.Rgb, "image");
        var mask = Read(maskPath, ColorMode.Labels, "mask");
        if (image.Width != mask.Width || image.Height != mask.Height)
            throw new DatasetException(
                $"The image '{imagePath}' is {image.Width}x{image.Height} but its mask '{maskPath}' is {mask.Width}x{mask.Height}; " +
                "a mask must have its image's size: check that the pair belongs together, or resize the mask with nearest-neighbour sampling.", maskPath);
        var labels = mask.Pixels;
        var (bad, first) = _mapping.Apply(labels, (byte)Classes.IgnoreIndex);
        if (bad > 0)
            throw new LabelOutOfRangeException(
                $"The mask '{maskPath}' holds the value {first} ({bad} pixels with unexpected values); {Name} allows {_mapping.Allowed}. " +
                $"Check {LabelHint}, or whether the masks use another encoding.", maskPath, first, bad);
        // ColorMode.Rgb always gives 3 channels and ColorMode.Labels 1 (colour masks are an error there).
        return new SegmentationSample(image.Width, image.Height, image.Pixels, labels, (byte)Classes.IgnoreIndex, imagePath);
    }

    static ImageData Read(string path, ColorMode mode, string what)
    {
        try
        {
            return ImageFile.Read(path, mode);
        }
        catch (FileNotFoundException e)
        {
            throw new DatasetException($"The {what} file '{path}' does not exist (was it moved or deleted after the dataset was opened?).", path, e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new DatasetException($"The {what} file '{path}' does not exist: its folder is missing.", path, e);
        }
        catch (IOException e) when (e is not DatasetException)
        {
            // The decoder's Problem is its message without the path, which this one already names.
            throw new DatasetException($"Cannot read the {what} '{path}': {(e is ImageFormatException f ? f.Problem : e.Message)}", path, e);
        }
    }
}
