using SegGanLab.Data;

namespace SegGanLab.Bench;

/// <summary>
/// The best a per-pixel colour rule can do: class frequencies per quantised colour (16 levels a
/// channel) counted on the training scenes, then every validation pixel labelled with its colour's
/// most frequent class (or, the variant that favours rare classes, the class most over-represented
/// against its prior). No model, no optimisation that could fail to converge.
/// </summary>
internal static class ColorHistogramBaseline
{
    public static (double argmax, double balanced) MeanIoU(SegmentationDataset train, SegmentationDataset val)
    {
        var classes = train.Classes.Count;
        var counts = new long[4096, classes];
        var prior = new long[classes];
        for (var i = 0; i < train.Count; i++)
        {
            var s = train.Get(i);
            for (var p = 0; p < s.Mask.Length; p++)
            {
                counts[Bin(s.Image, p), s.Mask[p]]++;
                prior[s.Mask[p]]++;
            }
        }
        return (Score(val, classes, (bin, c) => counts[bin, c]), Score(val, classes, (bin, c) => counts[bin, c] / (double)Math.Max(1, prior[c])));
    }

    static int Bin(byte[] rgb, int pixel) => (rgb[3 * pixel] >> 4) << 8 | (rgb[3 * pixel + 1] >> 4) << 4 | rgb[3 * pixel + 2] >> 4;

    static double Score(SegmentationDataset val, int classes, Func<int, int, double> evidence)
    {
        var confusion = new long[classes, classes];
        for (var i = 0; i < val.Count; i++)
        {
            var s = val.Get(i);
            for (var p = 0; p < s.Mask.Length; p++)
            {
                var bin = Bin(s.Image, p);
                var best = 0;
                for (var c = 1; c < classes; c++)
                    if (evidence(bin, c) > evidence(bin, best)) best = c;
                confusion[s.Mask[p], best]++;
            }
        }
        return SyntheticCalibration.MeanIoU(confusion).mIoU;
    }
}
