namespace SegGanLab.Data;

/// <summary>Draws one synthetic scene: a textured two-colour background, then shapes that may occlude earlier ones.</summary>
internal static class SceneRenderer
{
    // Labels follow SyntheticDataset.ClassNames: 0 background, then the shapes.
    const int Disc = 1, Square = 2, Triangle = 3, Ring = 4, Cross = 5, ShapeKinds = 5;

    public static (byte[] image, byte[] mask) Render(int width, int height, SyntheticOptions options, ref DataRandom random)
    {
        var rgb = new float[width * height * 3];
        var mask = new byte[width * height];
        var side = Math.Min(width, height);

        // Background: two random colours blended along a slow wave, modulated by a fine texture.
        var colorA = RandomColor(ref random);
        var colorB = RandomColor(ref random);
        var blend = Wave.Random(ref random, side * 0.6, side * 2.0, 1.0);
        var texture = Wave.Random(ref random, 3, 9, options.Texture);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var t = 0.5 + 0.5 * blend.At(x, y);
                var shade = texture.At(x, y);
                var p = (y * width + x) * 3;
                for (var c = 0; c < 3; c++) rgb[p + c] = (float)(colorA[c] + (colorB[c] - colorA[c]) * t + shade);
            }

        var used = new List<double[]> { colorA, colorB };
        var placed = new List<(double x, double y, double r)>();
        var shapes = random.NextInt(options.MinShapes, options.MaxShapes);
        for (var s = 0; s < shapes; s++)
        {
            var kind = 1 + random.NextInt(ShapeKinds);
            var radius = side * random.Uniform(options.MinRadius, options.MaxRadius);
            var (cx, cy) = Place(ref random, width, height, radius, placed);
            placed.Add((cx, cy, radius));
            var angle = random.Uniform(0, Math.PI * 2);
            var aspect = random.Uniform(0.75, 1.0);
            var color = ContrastingColor(ref random, used, options.MinContrast);
            used.Add(color);
            var fill = Wave.Random(ref random, 3, 9, options.ShapeTexture);
            Draw(rgb, mask, width, height, kind, cx, cy, radius, angle, aspect, color, fill);
        }

        var image = new byte[rgb.Length];
        for (var i = 0; i < rgb.Length; i++)
            image[i] = (byte)Math.Clamp(Math.Round(rgb[i] + options.Noise * random.Normal()), 0, 255);
        return (image, mask);
    }

    // Shapes stay mostly inside the image and may overlap, but not so much that one hides another:
    // a corner cut off by the border or a shape buried under others would be ambiguous to label.
    static (double x, double y) Place(ref DataRandom random, int width, int height, double radius, List<(double x, double y, double r)> placed)
    {
        var margin = Math.Min(0.6 * radius, Math.Min(width, height) / 2.0);
        (double x, double y) best = (width / 2.0, height / 2.0);
        var bestGap = double.MinValue;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var candidate = (x: random.Uniform(margin, width - margin), y: random.Uniform(margin, height - margin));
            var gap = double.MaxValue;
            foreach (var p in placed)
                gap = Math.Min(gap, Math.Sqrt((p.x - candidate.x) * (p.x - candidate.x) + (p.y - candidate.y) * (p.y - candidate.y)) - 0.75 * (p.r + radius));
            if (gap > bestGap) (best, bestGap) = (candidate, gap);
            if (gap >= 0) break;
        }
        return best;
    }

    static void Draw(float[] rgb, byte[] mask, int width, int height, int kind, double cx, double cy, double r, double angle, double aspect,
                     double[] color, Wave fill)
    {
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var reach = r * 1.3;   // the triangle's circumradius is the largest extent of any shape
        int x0 = Math.Max(0, (int)(cx - reach)), x1 = Math.Min(width - 1, (int)(cx + reach));
        int y0 = Math.Max(0, (int)(cy - reach)), y1 = Math.Min(height - 1, (int)(cy + reach));
        for (var y = y0; y <= y1; y++)
            for (var x = x0; x <= x1; x++)
            {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                double u = dx * cos + dy * sin, v = -dx * sin + dy * cos;
                if (!Inside(kind, u, v, r, aspect)) continue;
                var shade = fill.At(x, y);
                var p = (y * width + x) * 3;
                for (var c = 0; c < 3; c++) rgb[p + c] = (float)(color[c] + shade);
                mask[y * width + x] = (byte)kind;
            }
    }

    // Shape tests in the shape's own rotated frame; sizes are chosen so the areas are comparable (2-3 r^2).
    static bool Inside(int kind, double u, double v, double r, double aspect) => kind switch
    {
        Disc => u * u + v * v <= r * r,
        Square => Math.Abs(u) <= 0.85 * r && Math.Abs(v) <= 0.85 * r * aspect,
        Triangle => v <= 0.65 * r && Math.Sqrt(3) * Math.Abs(u) - v <= 1.3 * r,   // equilateral, circumradius 1.3 r
        Ring => u * u + v * v <= r * r && u * u + v * v >= 0.3 * r * r,            // hole radius ~0.55 r
        Cross => (Math.Abs(u) <= r && Math.Abs(v) <= 0.3 * r) || (Math.Abs(v) <= r && Math.Abs(u) <= 0.3 * r),
        _ => false,
    };

    static double[] RandomColor(ref DataRandom random) => [random.Uniform(20, 235), random.Uniform(20, 235), random.Uniform(20, 235)];

    // Any colour can belong to any class; it only has to stand out from what it is drawn over.
    static double[] ContrastingColor(ref DataRandom random, List<double[]> avoid, double minContrast)
    {
        double[] best = RandomColor(ref random);
        var bestDistance = Nearest(best, avoid);
        for (var attempt = 0; attempt < 32 && bestDistance < minContrast; attempt++)
        {
            var candidate = RandomColor(ref random);
            var d = Nearest(candidate, avoid);
            if (d > bestDistance) (best, bestDistance) = (candidate, d);
        }
        return best;
    }

    static double Nearest(double[] color, List<double[]> others)
    {
        var nearest = double.MaxValue;
        foreach (var o in others)
        {
            double dr = color[0] - o[0], dg = color[1] - o[1], db = color[2] - o[2];
            nearest = Math.Min(nearest, Math.Sqrt(dr * dr + dg * dg + db * db));
        }
        return nearest;
    }

    /// <summary>A plane wave a·sin(k·p + φ) with a random direction, wavelength and phase.</summary>
    readonly record struct Wave(double Kx, double Ky, double Phase, double Amplitude)
    {
        public static Wave Random(ref DataRandom random, double minWavelength, double maxWavelength, double amplitude)
        {
            var direction = random.Uniform(0, Math.PI * 2);
            var k = 2 * Math.PI / random.Uniform(minWavelength, maxWavelength);
            return new Wave(k * Math.Cos(direction), k * Math.Sin(direction), random.Uniform(0, Math.PI * 2), amplitude);
        }

        public double At(int x, int y) => Amplitude * Math.Sin(Kx * x + Ky * y + Phase);
    }
}
