using SegGanLab.Imaging;

namespace SegGanLab.Data;

/// <summary>Colour tables for label maps.</summary>
public static class ClassPalettes
{
    /// <summary>
    /// The PASCAL VOC colour map: class k's colour spreads the bits of k over the high bits of R,
    /// G and B (0 black, 1 dark red, 2 dark green, ...). VOC's masks use it; it extends to any
    /// number of classes.
    /// </summary>
    public static Palette Voc(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var colors = new Rgb24[count];
        for (var k = 0; k < count; k++)
        {
            int r = 0, g = 0, b = 0, c = k;
            for (var shift = 7; shift >= 0 && c > 0; shift--, c >>= 3)
            {
                r |= (c & 1) << shift;
                g |= ((c >> 1) & 1) << shift;
                b |= ((c >> 2) & 1) << shift;
            }
            colors[k] = new Rgb24((byte)r, (byte)g, (byte)b);
        }
        return new Palette(colors);
    }

    // A hand-picked set of well separated colours (after Sasha Trubetskoy's list); black first for background.
    static readonly Rgb24[] Picked =
    [
        new(0, 0, 0), new(230, 25, 75), new(60, 180, 75), new(255, 225, 25), new(0, 130, 200), new(245, 130, 48),
        new(145, 30, 180), new(70, 240, 240), new(240, 50, 230), new(210, 245, 60), new(250, 190, 212), new(0, 128, 128),
        new(220, 190, 255), new(170, 110, 40), new(255, 250, 200), new(128, 0, 0), new(170, 255, 195), new(128, 128, 0),
        new(255, 215, 180), new(0, 0, 128), new(128, 128, 128),
    ];

    /// <summary>
    /// Well separated colours for up to 21 classes (black first, for background), continuing
    /// with the VOC colour map beyond that.
    /// </summary>
    public static Palette Distinct(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count <= Picked.Length) return new Palette(Picked[..count]);
        var voc = Voc(count);
        return new Palette(Picked.Concat(voc.Colors.Skip(Picked.Length)));
    }
}
