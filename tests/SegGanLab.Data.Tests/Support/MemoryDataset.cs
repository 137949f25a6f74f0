using SegGanLab.Data;

namespace SegGanLab.Data.Tests.Support;

/// <summary>A dataset over samples held in memory (copied on every Get), optionally failing at one index.</summary>
internal sealed class MemoryDataset(IReadOnlyList<SegmentationSample> samples, DatasetClasses classes, int failAt = -1) : SegmentationDataset
{
    public override string Name => "memory";
    public override DatasetClasses Classes => classes;
    public override int Count => samples.Count;
    public int Loads;

    public override string SampleName(int index) => samples[index].Name;

    protected override SegmentationSample Load(int index)
    {
        Interlocked.Increment(ref Loads);
        if (index == failAt) throw new DatasetException($"sample {index} is broken on purpose", samples[index].Name);
        var s = samples[index];
        return new SegmentationSample(s.Width, s.Height, (byte[])s.Image.Clone(), (byte[])s.Mask.Clone(), s.IgnoreIndex, s.Name);
    }

    /// <summary>
    /// <paramref name="count"/> samples of <paramref name="width"/> x <paramref name="height"/> whose pixels encode
    /// the sample index and position, so any mix-up shows: image (index, x, y), label (x + y + index) % classes.
    /// </summary>
    public static MemoryDataset Numbered(int count, int width, int height, int classCount = 3, int failAt = -1)
    {
        var classes = new DatasetClasses(Enumerable.Range(0, classCount).Select(c => $"c{c}").ToArray());
        var samples = Enumerable.Range(0, count).Select(i => NumberedSample(i, width, height, classCount)).ToArray();
        return new MemoryDataset(samples, classes, failAt);
    }

    public static SegmentationSample NumberedSample(int index, int width, int height, int classCount)
    {
        var image = new byte[width * height * 3];
        var mask = new byte[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var p = y * width + x;
                (image[3 * p], image[3 * p + 1], image[3 * p + 2]) = ((byte)index, (byte)x, (byte)y);
                mask[p] = (byte)((x + y + index) % classCount);
            }
        return new SegmentationSample(width, height, image, mask, 255, $"sample-{index}");
    }
}
