using System.Security.Cryptography;
using System.Text;
using SegGanLab.Data;

namespace SegGanLab.Experiments;

public sealed partial record DataSpec
{
    // Validation scenes come from their own stream of the scene seed.
    const long SyntheticValidationStream = 0x7A11;

    /// <summary>Opens the datasets and builds the training and validation pipelines.</summary>
    /// <exception cref="DatasetException">For a missing folder, split or file (the message names it).</exception>
    internal OpenedData Open()
    {
        var (train, val) = Datasets();
        if (val is not null && !val.Classes.Names.SequenceEqual(train.Classes.Names))
            throw new DatasetException($"The validation data ({val.Name}) has other classes than the training data ({train.Name}); use splits of one dataset.");
        return new OpenedData(this, train, val, TrainPipeline(), ValPipeline());
    }

    (SegmentationDataset Train, SegmentationDataset? Val) Datasets()
    {
        switch (Kind)
        {
            case "synthetic":
                var defaults = Data.Datasets.Synthetic();
                var (count, size) = (Count ?? defaults.Count, SceneSize ?? defaults.Width);
                return (Data.Datasets.Synthetic(count, size, size, SceneSeed), Data.Datasets.Synthetic(ValCount, size, size, SceneSeed ^ SyntheticValidationStream));
            case "custom":
                return (CustomTrain!, CustomVal);
        }
        SegmentationDataset Split(string split) => Kind switch
        {
            "camvid" => Data.Datasets.CamVid(Path!, split),
            "voc" => Data.Datasets.PascalVoc2012(Path!, split),
            "cityscapes" => Data.Datasets.Cityscapes(Path!, split),
            "ade20k" => Data.Datasets.Ade20k(Path!, split),
            "membrane" => Data.Datasets.Binary(Path!),
            "folder" => Data.Datasets.Folder(split.Length == 0 ? Path! : split, ClassNames),
            _ => throw new InvalidOperationException($"Unknown data kind '{Kind}'."),
        };
        var all = Split(TrainSplit);
        if (ValSplit is not null) return (all, Split(ValSplit));
        // A fixed split seed: the held-out samples do not change with the experiment's seed.
        var (held, rest) = DatasetSplits.ByFraction(all, ValFraction, seed: 0);
        return (rest, held);
    }

    TransformPipeline TrainPipeline()
    {
        var p = new TransformPipeline([], NormalizationValue);
        if (Size is { } s) p = p.Resize(s.Width, s.Height);
        if (ScaleRange is { } r) p = p.RandomScale(r.Min, r.Max);
        if (CropSize is { } c) p = p.RandomCrop(c.Width, c.Height);
        if (HorizontalFlip) p = p.HorizontalFlip();
        if (RotationDegrees > 0) p = p.RandomRotation(RotationDegrees);
        if (Jitter is { } j) p = p.ColorJitter(j.Brightness, j.Contrast, j.Saturation, j.Hue);
        return p;
    }

    TransformPipeline ValPipeline()
    {
        var p = new TransformPipeline([], NormalizationValue);
        return Size is { } s ? p.Resize(s.Width, s.Height) : p;
    }
}

/// <summary>An experiment's data, opened: the datasets and their pipelines.</summary>
internal sealed record OpenedData(DataSpec Spec, SegmentationDataset Train, SegmentationDataset? Val, TransformPipeline TrainTransforms, TransformPipeline ValTransforms)
{
    /// <summary>Training images whose labels the recipe does not read (the semi recipe's unlabelled part), or null.</summary>
    public SegmentationDataset? Unlabelled { get; init; }

    /// <summary>The classes of the data.</summary>
    public DatasetClasses Classes => Train.Classes;

    /// <summary>Logit channels a segmenter needs: 1 for a binary dataset (a sigmoid head), else the class count.</summary>
    public long LogitChannels => Classes.Binary ? 1 : Classes.Count;

    /// <summary>A hash of every training and validation sample's name (env.json's data fingerprint).</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var (label, set) in new[] { ("train", Train), ("val", Val), ("unlabelled", Unlabelled) })
        {
            if (set is null) continue;
            text.Append(label).Append('\n');
            for (var i = 0; i < set.Count; i++) text.Append(set.SampleName(i)).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The height and width of the first sample after the pipeline (what the models see), or the validation one.</summary>
    public (int Height, int Width) SampleSize(bool validation)
    {
        var set = validation ? Val! : Train;
        var random = new DataRandom(0);
        var sample = (validation ? ValTransforms : TrainTransforms).Apply(set.Get(0), ref random);
        return (sample.Height, sample.Width);
    }
}
