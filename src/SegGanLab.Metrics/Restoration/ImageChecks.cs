using SegGanLab.Torch;

namespace SegGanLab.Metrics;

/// <summary>The input checks PSNR and SSIM share.</summary>
internal static class ImageChecks
{
    public static void Check(string metric, Tensor output, Tensor target, double dataRange)
    {
        if (!output.shape.SequenceEqual(target.shape) || output.dim() != 4)
            throw new MetricInputException($"{metric}: output {MetricInputException.Text(output.shape)} and target {MetricInputException.Text(target.shape)} must be images of the same shape [N, C, H, W].");
        if (!(dataRange > 0) || double.IsInfinity(dataRange))
            throw new ArgumentOutOfRangeException(nameof(dataRange), dataRange, $"{metric}: the data range must be positive and finite (1 for [0, 1] images, 2 for [-1, 1], 255 for 8-bit)");
    }
}
