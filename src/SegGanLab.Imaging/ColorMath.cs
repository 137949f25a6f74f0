using System.Runtime.CompilerServices;

namespace SegGanLab.Imaging;

/// <summary>Colour conversions shared by the codecs, in PIL's integer arithmetic so results match it exactly.</summary>
internal static class ColorMath
{
    /// <summary>ITU-R 601 luma, <c>(19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16</c>, as PIL's <c>convert("L")</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Luma(int r, int g, int b) => (byte)((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);

    /// <summary>
    /// One ink amount and black to an RGB component, as PIL's CMYK to RGB conversion:
    /// <c>(255 - k) - round(ink * (255 - k) / 255)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte FromInk(int ink, int black)
    {
        var nk = 255 - black;
        var t = ink * nk + 128;
        return (byte)(nk - (((t >> 8) + t) >> 8));
    }

    /// <summary>The error for colour pixels read as labels: colour masks need a colour-to-class mapping.</summary>
    public static ImageFormatException ColourLabels(string? source, string stored) => new(source,
        $"a {stored} image has colour pixels, but ColorMode.Labels reads palette or grayscale masks; a colour-coded mask " +
        "needs a colour-to-class mapping (read it with ColorMode.Rgb and map each colour to its class, or save the masks as palette PNGs)");
}
