namespace SegGanLab.Data;

/// <summary>
/// What a dataset holds: sample count, image sizes, pixels per class (and the pixels of the images
/// containing each class, for median-frequency weights), and warnings for the classic mistakes.
/// Problems with single samples (unreadable files, labels outside the class range) are collected
/// rather than thrown, so one pass shows them all.
/// </summary>
public sealed partial class DatasetSummary
{
    DatasetSummary(SegmentationDataset dataset, int samples, IReadOnlyList<ImageSize> sizes, long[] classPixels, long[] imagePixelsWithClass,
                   int[] imagesWithClass, long ignoredPixels, long totalPixels, IReadOnlyList<string> warnings)
    {
        (Name, Classes, DatasetCount, SamplesRead, ImageSizes) = (dataset.Name, dataset.Classes, dataset.Count, samples, sizes);
        (ClassPixels, ImagePixelsWithClass, ImagesWithClass) = (classPixels, imagePixelsWithClass, imagesWithClass);
        (IgnoredPixels, TotalPixels, Warnings) = (ignoredPixels, totalPixels, warnings);
    }

    /// <summary>The dataset's name.</summary>
    public string Name { get; }

    /// <summary>The dataset's classes.</summary>
    public DatasetClasses Classes { get; }

    /// <summary>Samples in the dataset.</summary>
    public int DatasetCount { get; }

    /// <summary>Samples examined (all, unless a limit was given), including unreadable ones.</summary>
    public int SamplesRead { get; }

    /// <summary>The distinct image sizes, most frequent first.</summary>
    public IReadOnlyList<ImageSize> ImageSizes { get; }

    /// <summary>Pixels labelled with each class (ignored pixels left out); the array is the summary's own, do not change it.</summary>
    public long[] ClassPixels { get; }

    /// <summary>Per class, the non-ignored pixels of all images that contain it (median-frequency balancing's denominator).</summary>
    public long[] ImagePixelsWithClass { get; }

    /// <summary>Per class, the number of images that contain it.</summary>
    public int[] ImagesWithClass { get; }

    /// <summary>Pixels holding the ignore index.</summary>
    public long IgnoredPixels { get; }

    /// <summary>All pixels of the readable masks.</summary>
    public long TotalPixels { get; }

    /// <summary>The classic mistakes found, each with what to do about it.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Reads every sample (or <paramref name="maxSamples"/> spread evenly over the dataset) in
    /// parallel and summarises it. The result does not depend on the thread count.
    /// </summary>
    public static DatasetSummary Compute(SegmentationDataset dataset, int? maxSamples = null, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var take = Math.Min(dataset.Count, maxSamples ?? dataset.Count);
        var picks = Enumerable.Range(0, take).Select(k => (int)((long)k * dataset.Count / Math.Max(1, take))).ToArray();
        var results = new SampleCounts[take];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, take, parallel, k => results[k] = SampleCounts.Of(dataset, picks[k]));
        return Reduce(dataset, results);
    }

    static DatasetSummary Reduce(SegmentationDataset dataset, SampleCounts[] results)
    {
        var classes = dataset.Classes;
        var classPixels = new long[classes.Count];
        var imagePixels = new long[classes.Count];
        var images = new int[classes.Count];
        var sizes = new Dictionary<(int, int), int>();
        long ignored = 0, total = 0;
        var failures = new List<SampleCounts>();
        foreach (var r in results)
        {
            if (r.Failure is not null) { failures.Add(r); continue; }
            sizes[(r.Width, r.Height)] = sizes.GetValueOrDefault((r.Width, r.Height)) + 1;
            ignored += r.Ignored;
            total += (long)r.Width * r.Height;
            var labelled = (long)r.Width * r.Height - r.Ignored;
            for (var c = 0; c < classes.Count; c++)
                if (r.Pixels[c] > 0)
                {
                    classPixels[c] += r.Pixels[c];
                    imagePixels[c] += labelled;
                    images[c]++;
                }
        }
        var sizeList = sizes.Select(kv => new ImageSize(kv.Key.Item1, kv.Key.Item2, kv.Value))
                            .OrderByDescending(s => s.Count).ThenBy(s => s.Width).ThenBy(s => s.Height).ToArray();
        var warnings = SummaryChecks.Find(dataset, results, failures, classPixels, ignored, total);
        return new DatasetSummary(dataset, results.Length, sizeList, classPixels, imagePixels, images, ignored, total, warnings);
    }
}

/// <summary>An image size and how many samples have it.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Count">Samples of this size.</param>
public readonly record struct ImageSize(int Width, int Height, int Count);
