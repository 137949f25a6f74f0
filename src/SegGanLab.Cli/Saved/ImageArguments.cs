namespace SegGanLab.Cli;

/// <summary>The <c>IMAGES</c> of <c>seggan predict</c>: files as given, folders expanded to the images they hold.</summary>
internal static class ImageArguments
{
    static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    /// <summary>
    /// The image files <paramref name="arguments"/> name, in order (a folder's images sorted by name).
    /// Masks are named after their images, so two images with one name are refused.
    /// </summary>
    /// <exception cref="UsageException">For a path that does not exist, a folder without images, or two images of one name.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (File.Exists(argument))
                files.Add(Path.GetFullPath(argument));
            else if (Directory.Exists(argument))
            {
                var found = Directory.EnumerateFiles(argument).Where(IsImage).Order(StringComparer.Ordinal).Select(Path.GetFullPath).ToList();
                if (found.Count == 0)
                    throw new UsageException($"The folder '{argument}' holds no images ({string.Join(", ", Extensions)}); give image files or a folder of them.");
                files.AddRange(found);
            }
            else
                throw new UsageException($"The image '{argument}' does not exist; give image files (PNG or JPEG) or folders of them.");
        }
        var clash = files.GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new UsageException($"Two images would write the same mask {clash.Key}.png ({string.Join(", ", clash.Take(2))}); predict them into separate --out folders.");
        return files;
    }

    static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());
}
