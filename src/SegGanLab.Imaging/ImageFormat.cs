namespace SegGanLab.Imaging;

/// <summary>The file formats the codecs read.</summary>
public enum ImageFormat
{
    /// <summary>Portable Network Graphics (decode and encode).</summary>
    Png,

    /// <summary>JPEG/JFIF, baseline or progressive (decode only, through libjpeg-turbo).</summary>
    Jpeg,
}
