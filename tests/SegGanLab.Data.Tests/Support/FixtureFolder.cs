using SegGanLab.Imaging;

namespace SegGanLab.Data.Tests.Support;

/// <summary>A temporary folder the layout tests fill with small image and mask files; deleted on dispose.</summary>
internal sealed class FixtureFolder : IDisposable
{
    public FixtureFolder() => Root = Directory.CreateTempSubdirectory("seggan-data-").FullName;

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>An RGB image whose red channel is <paramref name="tag"/>, green x and blue y.</summary>
    public string Rgb(string relative, int width, int height, byte tag = 0)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                (pixels[(y * width + x) * 3], pixels[(y * width + x) * 3 + 1], pixels[(y * width + x) * 3 + 2]) = (tag, (byte)x, (byte)y);
        return Write(relative, new ImageData(width, height, 3, pixels));
    }

    /// <summary>An 8-bit grayscale image holding <paramref name="values"/> row-major.</summary>
    public string Gray(string relative, int width, int height, params byte[] values) =>
        Write(relative, new ImageData(width, height, 1, values.Length == width * height ? values : throw new ArgumentException("size")));

    /// <summary>A gray mask filled with <paramref name="value"/> except the listed pixels.</summary>
    public string Mask(string relative, int width, int height, byte value, params (int x, int y, byte v)[] pixels)
    {
        var values = Enumerable.Repeat(value, width * height).ToArray();
        foreach (var (x, y, v) in pixels) values[y * width + x] = v;
        return Gray(relative, width, height, values);
    }

    /// <summary>A palette PNG whose indices are <paramref name="indices"/> (VOC-style masks).</summary>
    public string PaletteMask(string relative, int width, int height, Palette palette, params byte[] indices) =>
        Write(relative, new ImageData(width, height, 1, indices, palette));

    public string Text(string relative, params string[] lines)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
        return path;
    }

    string Write(string relative, ImageData image)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        ImageFile.WritePng(path, image);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
