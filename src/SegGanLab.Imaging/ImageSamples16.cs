namespace SegGanLab.Imaging;

/// <summary>
/// The unreduced samples of a 16-bit PNG (<see cref="ImageFile.ReadSamples16"/>): depth maps,
/// instance-id masks such as Cityscapes' <c>*_instanceIds.png</c>. Row-major, channels interleaved
/// as stored (gray 1, gray+alpha 2, RGB 3, RGBA 4).
/// </summary>
public sealed class ImageSamples16
{
    internal ImageSamples16(int width, int height, int channels, ushort[] samples) =>
        (Width, Height, Channels, Samples) = (width, height, channels, samples);

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Samples per pixel.</summary>
    public int Channels { get; }

    /// <summary>The samples, <c>Width * Height * Channels</c> values.</summary>
    public ushort[] Samples { get; }

    /// <summary>Sample <paramref name="channel"/> of pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public ushort this[int x, int y, int channel = 0]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height || (uint)channel >= (uint)Channels)
                throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}, channel {channel}) is outside the {Width}x{Height}x{Channels} image.");
            return Samples[(y * Width + x) * Channels + channel];
        }
    }
}
