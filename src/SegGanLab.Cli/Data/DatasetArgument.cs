using SegGanLab.Data;

namespace SegGanLab.Cli;

/// <summary>
/// A dataset as the command line names it: <c>synthetic</c>, <c>camvid:PATH</c>, <c>membrane:PATH</c>,
/// <c>folder:PATH</c>, <c>voc:PATH</c>, <c>cityscapes:PATH</c> or <c>ade20k:PATH</c>, opened at one split.
/// </summary>
internal static class DatasetArgument
{
    const string Forms = "synthetic, camvid:PATH, membrane:PATH, folder:PATH, voc:PATH, cityscapes:PATH or ade20k:PATH";

    /// <summary>Opens <paramref name="spec"/> at <paramref name="split"/> (null: the layout's training split).</summary>
    /// <exception cref="UsageException">For a form that is not a dataset, or a split the layout does not have.</exception>
    /// <exception cref="DatasetException">For a missing folder or file (the data layer names it).</exception>
    public static SegmentationDataset Open(string spec, string? split)
    {
        var colon = spec.IndexOf(':');
        var kind = (colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant();
        var path = colon < 0 ? "" : spec[(colon + 1)..];
        if (kind == "synthetic" && path.Length == 0)
        {
            NoSplits(kind, split);
            return Datasets.Synthetic();
        }
        if (path.Length == 0 && kind is "camvid" or "membrane" or "folder" or "voc" or "cityscapes" or "ade20k")
            throw new UsageException($"'{spec}' needs the dataset's folder: {kind}:PATH, e.g. {kind}:../shared/datasets/{kind}.");
        switch (kind)
        {
            case "camvid": return Datasets.CamVid(path, split ?? "train");
            case "voc": return Datasets.PascalVoc2012(path, split ?? "train");
            case "cityscapes": return Datasets.Cityscapes(path, split ?? "train");
            case "ade20k": return Datasets.Ade20k(path, split ?? "training");
            case "membrane":
                NoSplits(kind, split);
                return Datasets.Binary(path);
            case "folder":
                NoSplits(kind, split);
                return Datasets.Folder(path);
        }
        throw new UsageException($"'{spec}' is not a dataset; use {Forms}.");
    }

    static void NoSplits(string kind, string? split)
    {
        if (split is not null)
            throw new UsageException($"--split does not apply to {kind} data, which has no named splits; leave it out (experiments hold out a fraction for validation).");
    }
}
