namespace SegGanLab.Data;

/// <summary>Per-pixel colour arithmetic on interleaved float RGB in 0..255.</summary>
internal static class ColorSpace
{
    /// <summary>ITU-R 601 luma, as PIL's and torchvision's grayscale.</summary>
    public static float Gray(float r, float g, float b) => 0.299f * r + 0.587f * g + 0.114f * b;

    /// <summary>Rotates every pixel's hue by <paramref name="shift"/> (a fraction of the circle) in HSV space.</summary>
    public static void ShiftHue(Span<float> px, float shift)
    {
        for (var i = 0; i < px.Length; i += 3)
        {
            float r = px[i], g = px[i + 1], b = px[i + 2];
            var max = MathF.Max(r, MathF.Max(g, b));
            var min = MathF.Min(r, MathF.Min(g, b));
            var chroma = max - min;
            if (chroma <= 0) continue;   // grey: hue is undefined and a shift changes nothing
            float h;
            if (max == r) h = (g - b) / chroma;
            else if (max == g) h = 2 + (b - r) / chroma;
            else h = 4 + (r - g) / chroma;
            h = h / 6 + shift;
            h -= MathF.Floor(h);
            // Back to RGB with the same value (max) and chroma.
            var sector = h * 6;
            var x = chroma * (1 - MathF.Abs(sector % 2 - 1));
            (float r1, float g1, float b1) = (int)sector switch
            {
                0 => (chroma, x, 0f),
                1 => (x, chroma, 0f),
                2 => (0f, chroma, x),
                3 => (0f, x, chroma),
                4 => (x, 0f, chroma),
                _ => (chroma, 0f, x),
            };
            px[i] = r1 + min;
            px[i + 1] = g1 + min;
            px[i + 2] = b1 + min;
        }
    }
}
