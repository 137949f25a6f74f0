namespace SegGanLab.Data;

/// <summary>File-system checks shared by the dataset layouts; every failure is a <see cref="DatasetException"/> saying what was expected.</summary>
internal static class DatasetFiles
{
    /// <summary>File extensions read as images.</summary>
    public static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>Throws unless <paramref name="path"/> is a folder.</summary>
    public static string RequireDirectory(string path, string layoutHint)
    {
        if (!Directory.Exists(path))
            throw new DatasetException($"The folder '{path}' does not exist; {layoutHint}", path);
        return path;
    }

    /// <summary>Throws unless <paramref name="path"/> is a file.</summary>
    public static string RequireFile(string path, string layoutHint)
    {
        if (!File.Exists(path))
            throw new DatasetException($"The file '{path}' does not exist; {layoutHint}", path);
        return path;
    }

    /// <summary>The image files directly in <paramref name="folder"/> (sorted by name), or an error naming the folder when there are none.</summary>
    public static string[] Images(string folder, string layoutHint)
    {
        RequireDirectory(folder, layoutHint);
        var files = Directory.EnumerateFiles(folder).Where(IsImage).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
            throw new DatasetException($"The folder '{folder}' holds no images (looked for {string.Join(", ", ImageExtensions)}); {layoutHint}", folder);
        return files;
    }

    /// <summary>True for the extensions in <see cref="ImageExtensions"/>.</summary>
    public static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>
    /// Pairs every image with the mask of the same file stem (<paramref name="maskStem"/> may change
    /// the stem, as Cityscapes' suffixes do). Missing masks are reported together, with the first few names.
    /// </summary>
    public static SamplePaths[] PairByStem(IReadOnlyList<string> images, string maskFolder, Func<string, string> maskStem, string layoutHint)
    {
        RequireDirectory(maskFolder, layoutHint);
        // Stem -> mask; a PNG wins when a stem has several (masks should be lossless).
        var masks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in Directory.EnumerateFiles(maskFolder).Where(IsImage))
        {
            var stem = Path.GetFileNameWithoutExtension(m);
            if (!masks.TryGetValue(stem, out var held) || (IsPng(m) && !IsPng(held)) || (IsPng(m) == IsPng(held) && string.CompareOrdinal(m, held) < 0))
                masks[stem] = m;
        }
        var pairs = new List<SamplePaths>(images.Count);
        var missing = new List<(string image, string expected)>();
        foreach (var image in images)
        {
            var stem = maskStem(Path.GetFileNameWithoutExtension(image));
            if (masks.TryGetValue(stem, out var mask)) pairs.Add(new SamplePaths(image, mask));
            else missing.Add((image, Path.Combine(maskFolder, stem + ".png")));
        }
        if (missing.Count > 0)
            throw new DatasetException(
                $"{missing.Count} of {images.Count} images have no mask in '{maskFolder}', e.g. " +
                string.Join(", ", missing.Take(3).Select(m => $"'{m.image}' (expected '{m.expected}')")) +
                ". Masks are matched to images by file name without extension: add the missing masks or remove those images.",
                missing[0].image);
        return pairs.ToArray();
    }

    static bool IsPng(string path) => Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase);

    /// <summary>The non-empty, trimmed lines of a text file that are not '#' comments.</summary>
    public static IEnumerable<string> Lines(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
