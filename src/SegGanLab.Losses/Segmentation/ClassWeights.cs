using System.Globalization;
using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>Per-class loss weights: median-frequency balancing, and the checks every weighted loss shares.</summary>
public static class ClassWeights
{
    /// <summary>
    /// Median-frequency balancing as in SegNet (Eigen and Fergus): freq(c) = pixels of class c / total
    /// pixels of the images in which c is present, and w(c) = median(freq) / freq(c), so frequent
    /// classes weigh less than 1 and rare ones more. A class that never occurs (no pixels) gets
    /// weight 0 and stays out of the median.
    /// </summary>
    /// <param name="classPixels">Pixels labelled c over the dataset, per class (ignored pixels left out).</param>
    /// <param name="pixelsOfImagesContainingClass">Total (non-ignored) pixels of the images that contain class c, per class.</param>
    /// <returns>One weight per class.</returns>
    /// <exception cref="ArgumentException">When the arrays differ in length, are empty, hold negative counts, or a class has more pixels than its images.</exception>
    public static double[] MedianFrequency(long[] classPixels, long[] pixelsOfImagesContainingClass)
    {
        ArgumentNullException.ThrowIfNull(classPixels);
        ArgumentNullException.ThrowIfNull(pixelsOfImagesContainingClass);
        if (classPixels.Length == 0 || classPixels.Length != pixelsOfImagesContainingClass.Length)
            throw new ArgumentException($"median-frequency weights need one pixel count and one image-pixel count per class; got {classPixels.Length} and {pixelsOfImagesContainingClass.Length} values.", nameof(pixelsOfImagesContainingClass));
        for (var c = 0; c < classPixels.Length; c++)
        {
            if (classPixels[c] < 0 || pixelsOfImagesContainingClass[c] < 0)
                throw new ArgumentException($"class {c}: pixel counts must be non-negative; got {classPixels[c]} and {pixelsOfImagesContainingClass[c]}.", nameof(classPixels));
            if (classPixels[c] > pixelsOfImagesContainingClass[c])
                throw new ArgumentException($"class {c}: {classPixels[c]} class pixels cannot exceed the {pixelsOfImagesContainingClass[c]} pixels of the images that contain it; the second array counts whole images.", nameof(pixelsOfImagesContainingClass));
        }
        var freq = classPixels.Select((n, c) => n == 0 ? 0.0 : (double)n / pixelsOfImagesContainingClass[c]).ToArray();
        var present = freq.Where(f => f > 0).Order().ToArray();
        if (present.Length == 0)
            throw new ArgumentException("median-frequency weights need at least one class with pixels; every count is 0.", nameof(classPixels));
        var mid = present.Length / 2;
        var median = present.Length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
        return freq.Select(f => f == 0 ? 0.0 : median / f).ToArray();
    }

    /// <summary>Configuration problems of <paramref name="weights"/> (not finite, negative, all zero), for term <paramref name="term"/>.</summary>
    internal static void CheckValues(string term, double[]? weights)
    {
        if (weights is null) return;
        if (weights.Length == 0 || weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || weights.All(w => w == 0))
            throw new ArgumentException($"{term}: class weights must be finite, non-negative and not all zero; got [{Text(weights)}].", nameof(weights));
    }

    /// <summary>A problem when <paramref name="weights"/> do not have one value per class, else null.</summary>
    internal static string? CountProblem(string term, double[]? weights, long classes) =>
        weights is null || weights.Length == classes ? null
            : $"{term}: {weights.Length} class weights [{Text(weights)}] for {classes} classes: give exactly one weight per logit channel";

    /// <summary>The weights as a 1-D tensor with <paramref name="like"/>'s dtype and device.</summary>
    internal static Tensor ToTensor(double[] weights, Tensor like)
    {
        using var w = torch.tensor(weights);
        return w.to(like.dtype, like.device);
    }

    internal static string Text(double[] weights) => string.Join(", ", weights.Select(w => w.ToString("G6", CultureInfo.InvariantCulture)));
}
