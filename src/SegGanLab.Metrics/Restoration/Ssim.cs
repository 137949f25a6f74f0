using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Metrics;

/// <summary>
/// Structural similarity per image, as in Wang et al. 2004 and skimage's
/// <c>structural_similarity(gaussian_weights=True, sigma=1.5, use_sample_covariance=False)</c>:
/// local means, variances and covariance under an 11×11 Gaussian window (σ = 1.5), constants
/// C1 = (0.01·L)², C2 = (0.03·L)², the SSIM map over the positions where the window fits ("valid"),
/// averaged over positions and channels. Computed in float64.
/// </summary>
public static class Ssim
{
    /// <summary>SSIM of every image of <paramref name="output"/> against <paramref name="target"/> ([N, C, H, W]), a float64 [N] tensor.</summary>
    /// <param name="output">The images to score.</param>
    /// <param name="target">The reference images.</param>
    /// <param name="dataRange">L: the value range of the images (1 for [0, 1], 2 for [-1, 1], 255 for 8-bit).</param>
    /// <param name="windowSize">The odd side of the Gaussian window.</param>
    /// <param name="sigma">The Gaussian's standard deviation.</param>
    /// <exception cref="MetricInputException">When the shapes differ or the images are smaller than the window.</exception>
    public static Tensor Compute(Tensor output, Tensor target, double dataRange = 1.0, int windowSize = 11, double sigma = 1.5)
    {
        ImageChecks.Check("SSIM", output, target, dataRange);
        if (windowSize < 1 || windowSize % 2 == 0) throw new ArgumentOutOfRangeException(nameof(windowSize), windowSize, "the SSIM window size must be a positive odd number");
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "the SSIM window's sigma must be positive");
        var shape = output.shape;
        if (shape[2] < windowSize || shape[3] < windowSize)
            throw new MetricInputException($"SSIM: images {MetricInputException.Text(shape)} are smaller than the {windowSize}x{windowSize} window; use images of at least {windowSize}x{windowSize} pixels.");

        using var scope = NewDisposeScope();
        var channels = shape[1];
        var x = output.to(ScalarType.Float64);
        var y = target.to(ScalarType.Float64);
        var window = Window(windowSize, sigma, x.device).expand(channels, 1, windowSize, windowSize).contiguous();
        Tensor Filter(Tensor t) => F.conv2d(t, window, groups: channels);
        var muX = Filter(x);
        var muY = Filter(y);
        var varX = Filter(x * x) - muX * muX;
        var varY = Filter(y * y) - muY * muY;
        var covXY = Filter(x * y) - muX * muY;
        var c1 = Math.Pow(0.01 * dataRange, 2);
        var c2 = Math.Pow(0.03 * dataRange, 2);
        var map = (2 * muX * muY + c1) * (2 * covXY + c2) / ((muX * muX + muY * muY + c1) * (varX + varY + c2));
        return scope.MoveToOuter(map.mean([1, 2, 3]));
    }

    /// <summary>The normalised 2-D Gaussian window [1, 1, size, size].</summary>
    static Tensor Window(int size, double sigma, Device device)
    {
        var half = size / 2;
        var g = Enumerable.Range(-half, size).Select(k => Math.Exp(-k * k / (2 * sigma * sigma))).ToArray();
        var sum = g.Sum();
        var w = new double[size * size];
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
                w[i * size + j] = g[i] * g[j] / (sum * sum);
        return tensor(w, [1, 1, size, size], device);
    }
}
