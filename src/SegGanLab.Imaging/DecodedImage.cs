namespace SegGanLab.Imaging;

/// <summary>
/// What <see cref="ImageFile.DecodeInto"/> wrote: the first <see cref="ByteCount"/> bytes of the
/// destination now hold a <see cref="Width"/> x <see cref="Height"/> image of
/// <see cref="Channels"/> interleaved 8-bit samples per pixel.
/// </summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Channels">Samples per pixel.</param>
/// <param name="Palette">The palette the samples index into, or null.</param>
public readonly record struct DecodedImage(int Width, int Height, int Channels, Palette? Palette)
{
    /// <summary><c>Width * Height * Channels</c>.</summary>
    public int ByteCount => Width * Height * Channels;
}
