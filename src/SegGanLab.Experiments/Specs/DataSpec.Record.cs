using System.Text.Json;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

// options.json's data.* entries: enough to open the same data again (SavedExperiment).
public sealed partial record DataSpec
{
    /// <summary>The entries under <c>data.</c>, each against what the kind's factory gives.</summary>
    internal IEnumerable<OptionValue> Entries()
    {
        var d = Baseline();
        OptionValue E(string name, object? value, object? fallback) => new($"data.{name}", value, fallback);
        yield return E("kind", Kind, null);
        if (Kind == "synthetic")
        {
            var defaults = Data.Datasets.Synthetic();
            yield return E("count", Count ?? defaults.Count, defaults.Count);
            yield return E("val_count", ValCount, d.ValCount);
            yield return E("scene_size", SceneSize ?? defaults.Width, defaults.Width);
            yield return E("scene_seed", SceneSeed, d.SceneSeed);
        }
        else
        {
            yield return E("path", Path, d.Path);
            yield return E("train_split", TrainSplit, d.TrainSplit);
            yield return E("val_split", ValSplit, d.ValSplit);
            if (ValSplit is null) yield return E("val_fraction", ValFraction, d.ValFraction);
            if (Kind == "folder") yield return E("classes", ClassNames, d.ClassNames);
        }
        yield return E("size", Pair(Size), Pair(d.Size));
        yield return E("crop", Pair(CropSize), Pair(d.CropSize));
        yield return E("scale", ScaleRange is { } r ? new[] { r.Min, r.Max } : null, null);
        yield return E("flip", HorizontalFlip, d.HorizontalFlip);
        yield return E("rotate", RotationDegrees, d.RotationDegrees);
        yield return E("jitter", Jitter is { } j ? new[] { j.Brightness, j.Contrast, j.Saturation, j.Hue } : null, null);
        yield return E("normalization", Normalization, d.Normalization);
        yield return E("workers", LoaderWorkers, d.LoaderWorkers);
    }

    /// <summary>The data recorded in options.json's <c>data.*</c> values.</summary>
    /// <exception cref="SavedExperimentException">For data given as objects (<c>custom</c>), which a file cannot rebuild.</exception>
    internal static DataSpec FromRecord(IReadOnlyDictionary<string, JsonElement> values, string file)
    {
        JsonElement? V(string name) => values.TryGetValue($"data.{name}", out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
        var kind = V("kind")?.GetString() ?? throw new SavedExperimentException(file, "it records no data (data.kind); pass the data to evaluate on");
        var spec = kind switch
        {
            "synthetic" => Synthetic(V("count")?.GetInt32(), V("scene_size")?.GetInt32(), V("val_count")?.GetInt32() ?? 256, V("scene_seed")?.GetInt64() ?? 0),
            "custom" => new DataSpec("custom"),
            _ => new DataSpec(kind)
            {
                Path = V("path")?.GetString(),
                TrainSplit = V("train_split")?.GetString() ?? "train",
                ValSplit = V("val_split")?.GetString(),
                ValFraction = V("val_fraction")?.GetDouble() ?? 0.2,
                ClassNames = V("classes")?.EnumerateArray().Select(c => c.GetString()!).ToArray(),
            },
        };
        var size = V("size");
        var crop = V("crop");
        var scale = V("scale");
        var jitter = V("jitter");
        return spec with
        {
            Size = size is { } s ? (s[0].GetInt32(), s[1].GetInt32()) : null,
            CropSize = crop is { } c ? (c[0].GetInt32(), c[1].GetInt32()) : null,
            ScaleRange = scale is { } r ? (r[0].GetDouble(), r[1].GetDouble()) : null,
            HorizontalFlip = V("flip")?.GetBoolean() ?? true,
            RotationDegrees = V("rotate")?.GetDouble() ?? 0,
            Jitter = jitter is { } j ? (j[0].GetDouble(), j[1].GetDouble(), j[2].GetDouble(), j[3].GetDouble()) : null,
            Normalization = V("normalization")?.GetString() ?? "imagenet",
            LoaderWorkers = V("workers")?.GetInt32(),
        };
    }

    static int[]? Pair((int Width, int Height)? size) => size is { } s ? [s.Width, s.Height] : null;
}
