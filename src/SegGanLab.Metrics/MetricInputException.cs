namespace SegGanLab.Metrics;

/// <summary>
/// A tensor given to a metric does not fit: mismatched prediction and target shapes, the wrong
/// number of classes, label values outside [0, C) other than the ignore index, images too small
/// for the SSIM window. The message names the shapes and values at fault.
/// </summary>
public sealed class MetricInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public MetricInputException(string message) : base(message) { }

    internal static string Text(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
