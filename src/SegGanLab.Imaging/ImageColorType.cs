namespace SegGanLab.Imaging;

/// <summary>How a file stores its pixels.</summary>
public enum ImageColorType
{
    /// <summary>One gray sample per pixel.</summary>
    Gray,

    /// <summary>Gray and alpha.</summary>
    GrayAlpha,

    /// <summary>Red, green, blue (for JPEG: any three-component colour space, usually YCbCr).</summary>
    Rgb,

    /// <summary>Red, green, blue and alpha.</summary>
    Rgba,

    /// <summary>One palette index per pixel.</summary>
    Palette,

    /// <summary>CMYK or YCCK (JPEG only; decoded to RGB).</summary>
    Cmyk,
}
