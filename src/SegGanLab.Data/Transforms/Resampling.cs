namespace SegGanLab.Data;

/// <summary>Image and label-map resampling on managed buffers (pixel-centre convention, as PyTorch's align_corners=False).</summary>
internal static class Resampling
{
    /// <summary>Bilinear resize of an interleaved RGB image.</summary>
    public static byte[] ResizeBilinear(byte[] src, int width, int height, int newWidth, int newHeight)
    {
        var dst = new byte[newWidth * newHeight * 3];
        var (x0, x1, wx) = Taps(width, newWidth);
        var (y0, y1, wy) = Taps(height, newHeight);
        for (var y = 0; y < newHeight; y++)
        {
            int rowA = y0[y] * width, rowB = y1[y] * width;
            var fy = wy[y];
            var o = y * newWidth * 3;
            for (var x = 0; x < newWidth; x++, o += 3)
            {
                int a = (rowA + x0[x]) * 3, b = (rowA + x1[x]) * 3, c = (rowB + x0[x]) * 3, d = (rowB + x1[x]) * 3;
                var fx = wx[x];
                for (var k = 0; k < 3; k++)
                {
                    var top = src[a + k] + (src[b + k] - src[a + k]) * fx;
                    var bottom = src[c + k] + (src[d + k] - src[c + k]) * fx;
                    dst[o + k] = (byte)(top + (bottom - top) * fy + 0.5f);
                }
            }
        }
        return dst;
    }

    /// <summary>Nearest-neighbour resize of a label map (labels are never blended).</summary>
    public static byte[] ResizeNearest(byte[] src, int width, int height, int newWidth, int newHeight)
    {
        var dst = new byte[newWidth * newHeight];
        var xs = new int[newWidth];
        for (var x = 0; x < newWidth; x++) xs[x] = Math.Min(width - 1, (int)((x + 0.5) * width / newWidth));
        for (var y = 0; y < newHeight; y++)
        {
            var row = Math.Min(height - 1, (int)((y + 0.5) * height / newHeight)) * width;
            var o = y * newWidth;
            for (var x = 0; x < newWidth; x++) dst[o + x] = src[row + xs[x]];
        }
        return dst;
    }

    // For each output coordinate: the two source neighbours and the weight of the second.
    static (int[] lo, int[] hi, float[] weight) Taps(int size, int newSize)
    {
        var lo = new int[newSize];
        var hi = new int[newSize];
        var w = new float[newSize];
        var scale = (double)size / newSize;
        for (var i = 0; i < newSize; i++)
        {
            var s = Math.Max(0, (i + 0.5) * scale - 0.5);
            var f = (int)s;
            lo[i] = Math.Min(f, size - 1);
            hi[i] = Math.Min(f + 1, size - 1);
            w[i] = (float)(s - f);
        }
        return (lo, hi, w);
    }
}
