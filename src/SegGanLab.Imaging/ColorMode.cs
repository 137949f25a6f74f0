namespace SegGanLab.Imaging;

/// <summary>
/// What a decoder returns. Every mode yields 8 bits per sample; 16-bit PNG samples are reduced
/// with rounding (<c>round(v * 255 / 65535)</c>) except in <see cref="Labels"/>, which keeps values.
/// </summary>
public enum ColorMode
{
    /// <summary>
    /// As stored: gray 1 channel, gray+alpha 2, RGB 3, RGBA 4, palette 1 channel of indices with
    /// <see cref="ImageData.Palette"/> set. Gray of 1, 2 or 4 bits is scaled to 0..255. A tRNS colour
    /// key of a gray or RGB PNG adds no alpha channel (as PIL). JPEG gives gray 1 channel or colour 3
    /// (CMYK converted to RGB).
    /// </summary>
    Auto,

    /// <summary>Always 3 channels: palettes expanded to their colours, gray replicated, alpha dropped.</summary>
    Rgb,

    /// <summary>
    /// Always 1 channel: colour becomes ITU-R 601 luma (<c>(19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16</c>,
    /// as PIL's <c>convert("L")</c>; a colour JPEG gives its Y channel), alpha is dropped.
    /// </summary>
    Gray,

    /// <summary>
    /// 1 channel of label values: palette images give their indices, gray images their values
    /// unscaled (a 1-bit mask gives 0 and 1; 16-bit values above 255 are an error), alpha is
    /// dropped. Colour images are an <see cref="ImageFormatException"/>: a colour-coded mask needs a
    /// colour-to-class mapping first.
    /// </summary>
    Labels,
}
