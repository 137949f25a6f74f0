using SegGanLab.Data;

namespace SegGanLab.Training;

/// <summary>
/// Synthetic blur kernels as row-major KxK arrays that sum to 1, drawn from a <see cref="DataRandom"/>
/// stream, so a kernel is a pure function of the numbers that keyed the stream.
/// </summary>
public static class BlurKernels
{
    const int PathSamples = 64;

    /// <summary>A kernel of <paramref name="options"/>' kind.</summary>
    public static float[] Create(BlurOptions options, ref DataRandom random)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind == BlurKind.Motion ? Motion(options, ref random) : Gaussian(options, ref random);
    }

    /// <summary>
    /// Camera shake, after DeblurGAN's trajectories in a simplified form: a path of random length and
    /// direction whose heading drifts as a random walk (total spread <see cref="BlurOptions.Curvature"/>),
    /// sampled at even steps (constant speed, so even exposure), centred, and splatted bilinearly.
    /// </summary>
    public static float[] Motion(BlurOptions options, ref DataRandom random)
    {
        var length = random.Uniform(options.MinLength, options.MaxLength);
        var heading = random.Uniform(0, 2 * Math.PI);
        var turn = options.Curvature / Math.Sqrt(PathSamples);
        var step = length / (PathSamples - 1);
        var xs = new double[PathSamples];
        var ys = new double[PathSamples];
        for (var t = 1; t < PathSamples; t++)
        {
            heading += turn * random.Normal();
            xs[t] = xs[t - 1] + step * Math.Cos(heading);
            ys[t] = ys[t - 1] + step * Math.Sin(heading);
        }
        // Centre the path's bounding box: its extent is at most its length <= KernelSize - 1.
        var size = options.KernelSize;
        double cx = (xs.Min() + xs.Max()) / 2, cy = (ys.Min() + ys.Max()) / 2, middle = (size - 1) / 2.0;
        var kernel = new double[size * size];
        for (var t = 0; t < PathSamples; t++)
            Splat(kernel, size, xs[t] - cx + middle, ys[t] - cy + middle);
        return Normalized(kernel);
    }

    /// <summary>An isotropic Gaussian with σ drawn from [MinSigma, MaxSigma].</summary>
    public static float[] Gaussian(BlurOptions options, ref DataRandom random)
    {
        var sigma = random.Uniform(options.MinSigma, options.MaxSigma);
        var size = options.KernelSize;
        var middle = (size - 1) / 2.0;
        var kernel = new double[size * size];
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                kernel[y * size + x] = Math.Exp(-((x - middle) * (x - middle) + (y - middle) * (y - middle)) / (2 * sigma * sigma));
        return Normalized(kernel);
    }

    /// <summary>Adds one unit of exposure at (x, y), shared among the four nearest cells.</summary>
    static void Splat(double[] kernel, int size, double x, double y)
    {
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
        double fx = x - x0, fy = y - y0;
        Add(kernel, size, x0, y0, (1 - fx) * (1 - fy));
        Add(kernel, size, x0 + 1, y0, fx * (1 - fy));
        Add(kernel, size, x0, y0 + 1, (1 - fx) * fy);
        Add(kernel, size, x0 + 1, y0 + 1, fx * fy);
    }

    static void Add(double[] kernel, int size, int x, int y, double w)
    {
        if (w > 0 && (uint)x < (uint)size && (uint)y < (uint)size) kernel[y * size + x] += w;
    }

    static float[] Normalized(double[] kernel)
    {
        var sum = kernel.Sum();
        return kernel.Select(v => (float)(v / sum)).ToArray();
    }
}
