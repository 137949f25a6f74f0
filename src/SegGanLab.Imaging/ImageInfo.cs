namespace SegGanLab.Imaging;

/// <summary>
/// What a file's header says, read without decoding pixels (<see cref="ImageFile.ReadInfo"/>,
/// <see cref="ImageFile.Identify"/>).
/// </summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Format">PNG or JPEG.</param>
/// <param name="ColorType">How the pixels are stored.</param>
/// <param name="BitDepth">Bits per sample (PNG: 1, 2, 4, 8 or 16; JPEG: the frame precision, 8 or 12).</param>
/// <param name="Interlaced">PNG: Adam7 interlaced; JPEG: progressive.</param>
/// <param name="PaletteSize">Entries in the PNG palette (also a suggested palette of a colour PNG); 0 when there is none.</param>
public sealed record ImageInfo(
    int Width, int Height, ImageFormat Format, ImageColorType ColorType, int BitDepth, bool Interlaced, int PaletteSize)
{
    /// <summary>Samples per pixel as stored: gray and palette 1, gray+alpha 2, RGB 3, RGBA and CMYK 4.</summary>
    public int StoredChannels => ColorType switch
    {
        ImageColorType.GrayAlpha => 2,
        ImageColorType.Rgb => 3,
        ImageColorType.Rgba or ImageColorType.Cmyk => 4,
        _ => 1,
    };

    /// <summary>Whether the pixels are colour (RGB, RGBA or CMYK), which <see cref="ColorMode.Labels"/> rejects.</summary>
    public bool IsColor => ColorType is ImageColorType.Rgb or ImageColorType.Rgba or ImageColorType.Cmyk;

    /// <summary>The channels a decode in <paramref name="mode"/> returns.</summary>
    public int ChannelsFor(ColorMode mode) => mode switch
    {
        ColorMode.Rgb => 3,
        ColorMode.Gray or ColorMode.Labels => 1,
        _ when ColorType == ImageColorType.Cmyk => 3,
        _ => StoredChannels,
    };

    /// <summary>The bytes a decode in <paramref name="mode"/> returns: <c>Width * Height * ChannelsFor(mode)</c>.</summary>
    public long ByteCountFor(ColorMode mode) => (long)Width * Height * ChannelsFor(mode);
}
