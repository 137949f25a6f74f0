using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Metrics;

/// <summary>
/// Streaming PSNR and SSIM for restoration (deblurring) runs: the mean over every image seen, as
/// DeblurGAN reports them. Merge instances to combine workers or splits.
/// </summary>
public sealed class RestorationMetrics
{
    double _psnrSum, _ssimSum;

    /// <summary>Creates the accumulator for images with value range <paramref name="dataRange"/> (1 for [0, 1], 2 for [-1, 1], 255 for 8-bit).</summary>
    public RestorationMetrics(double dataRange = 1.0)
    {
        if (!(dataRange > 0) || double.IsInfinity(dataRange)) throw new ArgumentOutOfRangeException(nameof(dataRange), dataRange, "the data range must be positive and finite");
        DataRange = dataRange;
    }

    /// <summary>The images' value range L.</summary>
    public double DataRange { get; }

    /// <summary>Images seen so far.</summary>
    public long Count { get; private set; }

    /// <summary>Mean PSNR in dB (NaN before any update).</summary>
    public double MeanPsnr => Count == 0 ? double.NaN : _psnrSum / Count;

    /// <summary>Mean SSIM (NaN before any update).</summary>
    public double MeanSsim => Count == 0 ? double.NaN : _ssimSum / Count;

    /// <summary>The summary by name: <c>PSNR</c>, <c>SSIM</c>.</summary>
    public IReadOnlyDictionary<string, double> Summary => new OrderedDictionary<string, double>(StringComparer.Ordinal)
    {
        [MetricNames.Psnr] = MeanPsnr,
        [MetricNames.Ssim] = MeanSsim,
    };

    /// <summary>Adds a batch of restored images and their targets, [N, C, H, W]; runs in a dispose scope.</summary>
    /// <exception cref="MetricInputException">When the shapes do not fit.</exception>
    public void Update(Tensor output, Tensor target)
    {
        using var scope = NewDisposeScope();
        var psnr = Psnr.Compute(output, target, DataRange);
        var ssim = Ssim.Compute(output, target, DataRange);
        var sums = stack([psnr.sum(), ssim.sum()]).cpu().data<double>();   // one synchronisation
        _psnrSum += sums[0];
        _ssimSum += sums[1];
        Count += output.size(0);
    }

    /// <summary>Adds another accumulator's images.</summary>
    /// <exception cref="ArgumentException">When the data ranges differ.</exception>
    public void Merge(RestorationMetrics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.DataRange != DataRange)
            throw new ArgumentException($"cannot merge restoration metrics with data range {other.DataRange} into one with {DataRange}.", nameof(other));
        _psnrSum += other._psnrSum;
        _ssimSum += other._ssimSum;
        Count += other.Count;
    }

    /// <summary>Forgets every image.</summary>
    public void Reset() => (_psnrSum, _ssimSum, Count) = (0, 0, 0);
}
