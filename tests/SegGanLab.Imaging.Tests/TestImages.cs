namespace SegGanLab.Imaging.Tests;

/// <summary>Deterministic images for encoder tests.</summary>
public static class TestImages
{
    /// <summary>Uniform random samples.</summary>
    public static ImageData Noise(int width, int height, int channels, int seed)
    {
        var pixels = new byte[width * height * channels];
        new Random(seed).NextBytes(pixels);
        return new ImageData(width, height, channels, pixels);
    }

    /// <summary>A smooth, photo-like image (gradients and ripples plus mild noise) that filters can predict.</summary>
    public static ImageData Smooth(int width, int height, int channels, int seed)
    {
        var random = new Random(seed);
        var image = new ImageData(width, height, channels);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                for (var c = 0; c < channels; c++)
                {
                    var v = 128 + 90 * Math.Sin((x + 17 * c) / 23.0) * Math.Cos((y - 9 * c) / 31.0) + (x + y) / 8.0 + random.Next(-3, 4);
                    image[x, y, c] = (byte)Math.Clamp(v, 0, 255);
                }
        return image;
    }

    /// <summary>Labels in 0..classes-1 in blobs, as a segmentation mask, with a palette of <paramref name="paletteSize"/> entries.</summary>
    public static ImageData Mask(int width, int height, int classes, int paletteSize, int seed, bool alpha = false)
    {
        var random = new Random(seed);
        var colors = Enumerable.Range(0, paletteSize).Select(_ => new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        var alphas = alpha ? Enumerable.Range(0, paletteSize).Select(i => (byte)(i * 37 % 256)) : null;
        var image = new ImageData(width, height, 1, new Palette(colors, alphas));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = (byte)((x / 5 + y / 3 * 7 + random.Next(2)) % classes);
        return image;
    }
}
