namespace SegGanLab.Data;

/// <summary>The label counts of one sample, or the reason it could not be read.</summary>
internal sealed record SampleCounts(int Index, string Name, int Width, int Height, long[] Pixels, long Ignored, DatasetException? Failure)
{
    public static SampleCounts Of(SegmentationDataset dataset, int index)
    {
        SegmentationSample sample;
        try
        {
            sample = dataset.Get(index);
        }
        catch (DatasetException e)
        {
            return new SampleCounts(index, dataset.SampleName(index), 0, 0, [], 0, e);
        }
        var histogram = new long[256];
        foreach (var v in sample.Mask) histogram[v]++;
        var classes = dataset.Classes.Count;
        return new SampleCounts(index, sample.Name, sample.Width, sample.Height, histogram[..classes], histogram[dataset.Classes.IgnoreIndex], null);
    }
}
