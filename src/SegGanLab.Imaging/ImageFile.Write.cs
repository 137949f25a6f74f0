using SegGanLab.Imaging.Png;

namespace SegGanLab.Imaging;

public static partial class ImageFile
{
    /// <summary>Encodes <paramref name="image"/> as PNG (see <see cref="EncodePng"/>) and writes it atomically: to a temporary file in the same folder, then renamed over <paramref name="path"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void WritePng(string path, ImageData image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Cannot write {path}: the folder {folder} does not exist; create it first.");
        var bytes = EncodePng(image);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Encodes <paramref name="image"/> as PNG: 1 channel as gray (or as palette indices when it has a
    /// palette, with tRNS when the palette has alpha), 2 as gray+alpha, 3 as RGB, 4 as RGBA; 8 bits per
    /// sample, palette images packed to 1, 2 or 4 bits when the indices allow. Indices beyond the palette
    /// (an ignore index such as 255 with a short class palette) get black entries, so the file stays valid.
    /// </summary>
    public static byte[] EncodePng(ImageData image) => PngEncoder.Encode(image);
}
