using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Metrics;

/// <summary>
/// Peak signal-to-noise ratio per image: 10·log10(L² / MSE), MSE over channels and pixels, L the
/// data range (1 for images in [0, 1], 2 for [-1, 1], 255 for 8-bit). Computed in float64;
/// identical images give +∞ (as skimage).
/// </summary>
public static class Psnr
{
    /// <summary>PSNR in dB of every image of <paramref name="output"/> against <paramref name="target"/> ([N, C, H, W]), a float64 [N] tensor.</summary>
    /// <exception cref="MetricInputException">When the shapes differ or are not [N, C, H, W].</exception>
    public static Tensor Compute(Tensor output, Tensor target, double dataRange = 1.0)
    {
        ImageChecks.Check("PSNR", output, target, dataRange);
        using var scope = NewDisposeScope();
        var diff = output.to(ScalarType.Float64) - target.to(ScalarType.Float64);
        var mse = diff.square().mean([1, 2, 3]);
        var psnr = (dataRange * dataRange / mse).log() * (10 / Math.Log(10));
        return scope.MoveToOuter(psnr);
    }
}
