using System.Text.Json;
using SegGanLab.Data;
using SegGanLab.Imaging;
using SegGanLab.Models;
using SegGanLab.Torch;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// A finished (or interrupted) run, loaded back from its folder: the segmenter rebuilt from
/// options.json with a checkpoint's weights, the data it was trained on and its classes. Evaluate it
/// on a split (of its own data or another dataset with the same classes) or predict masks for images.
/// </summary>
/// <example><code>
/// using var saved = SavedExperiment.Load("runs/quickstart-20250101-120000");      // best checkpoint
/// Console.WriteLine(saved.Evaluate());                                              // the per-class table
/// saved.Predict(Directory.GetFiles("photos", "*.png"), "masks");                    // mask PNGs in the palette
/// </code></example>
public sealed class SavedExperiment : IDisposable
{
    readonly Inference _inference;
    readonly bool _ownsModel;

    SavedExperiment(string folder, string recipe, string name, Inference inference, bool ownsModel, DatasetClasses classes) =>
        (Folder, Recipe, Name, _inference, _ownsModel, Classes) = (folder, recipe, name, inference, ownsModel, classes);

    /// <summary>The run folder.</summary>
    public string Folder { get; }

    /// <summary>The run's recipe.</summary>
    public string Recipe { get; }

    /// <summary>The run's name.</summary>
    public string Name { get; }

    /// <summary>The classes the model predicts.</summary>
    public DatasetClasses Classes { get; }

    /// <summary>The checkpoint whose weights are loaded.</summary>
    public string Checkpoint => _inference.Checkpoint;

    /// <summary>The training step the checkpoint was written at.</summary>
    public long Step => Training.Checkpoint.ReadStep(_inference.Checkpoint);

    /// <summary>The segmenter with the loaded weights.</summary>
    public SegmentationModel Model => _inference.Segmenter;

    /// <summary>
    /// Loads the run in <paramref name="runFolder"/>: its segmenter from options.json with the weights of
    /// <paramref name="checkpoint"/> (<c>best</c>: the best evaluation's, or the last when no evaluation
    /// ran; <c>last</c>; or a checkpoint's path). A model options.json cannot rebuild (a class of your
    /// own) is passed as <paramref name="model"/>, built as in the run.
    /// </summary>
    /// <exception cref="SavedExperimentException">For a folder that is not a run, a missing checkpoint, or a model that cannot be rebuilt.</exception>
    public static SavedExperiment Load(string runFolder, string checkpoint = "best", SegmentationModel? model = null, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(runFolder);
        var optionsPath = Path.Combine(runFolder, "options.json");
        if (!File.Exists(optionsPath))
            throw new SavedExperimentException(runFolder, "it is not a run folder (no options.json); pass a folder under runs/ that a SegGanLab run wrote");
        var (recipe, name, values) = ReadOptions(optionsPath);
        var classes = ReadClasses(Path.Combine(runFolder, "classes.json"));
        var data = DataSpec.FromRecord(values, optionsPath);
        var part = recipe == "deblur" ? "generator" : "segmenter";
        var owns = model is null;
        var built = model ?? ModelRecord.Read(values, part, optionsPath).Build(new ChannelPlan());
        try
        {
            if (built is not SegmentationModel segmenter)
                throw new SavedExperimentException(runFolder, $"its {part} is a {built.GetType().Name}, which does not predict masks; evaluate a segmentation run");
            var path = Inference.ResolveCheckpoint(runFolder, checkpoint);
            // gan-augmented's segmenter is role S (its G draws pairs).
            Inference.LoadWeights(segmenter, path, recipe == "gan-augmented" ? "S" : "G");
            var target = Torch.Device.Parse(device);
            segmenter.to(target);
            return new SavedExperiment(Path.GetFullPath(runFolder), recipe, name, new Inference(segmenter, data, classes, target, path), owns, classes);
        }
        catch
        {
            if (owns) built.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Evaluates the model on <paramref name="split"/> of <paramref name="data"/> (null: the run's own
    /// data) and returns the metrics with the per-class table.
    /// </summary>
    public EvaluationReport Evaluate(DataSpec? data = null, string split = "val") => _inference.Evaluate(data, split, ExperimentHost.Cancellation);

    /// <summary>Writes a mask PNG per image into <paramref name="outputFolder"/> (class indices, the dataset's palette); returns their paths.</summary>
    public IReadOnlyList<string> Predict(IEnumerable<string> images, string outputFolder) =>
        _inference.Predict(images ?? throw new ArgumentNullException(nameof(images)), outputFolder, ExperimentHost.Cancellation);

    /// <summary>Frees the model when it was built here.</summary>
    public void Dispose()
    {
        if (_ownsModel) _inference.Segmenter.Dispose();
    }

    static (string Recipe, string Name, Dictionary<string, JsonElement> Values) ReadOptions(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("options", out var options))
            foreach (var o in options.EnumerateObject())
                values[o.Name] = (o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("value", out var v) ? v : o.Value).Clone();
        return (root.TryGetProperty("recipe", out var r) ? r.GetString() ?? "" : "", root.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "", values);
    }

    static DatasetClasses ReadClasses(string path)
    {
        if (!File.Exists(path)) throw new SavedExperimentException(path, "the run folder has no classes.json, which says what the model's outputs mean");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var names = root.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToArray();
        var colors = root.TryGetProperty("palette", out var p) && p.GetArrayLength() == names.Length
            ? new Palette(p.EnumerateArray().Select(c => new Rgb24((byte)c[0].GetInt32(), (byte)c[1].GetInt32(), (byte)c[2].GetInt32())))
            : null;
        var ignore = root.TryGetProperty("ignore_index", out var i) && i.ValueKind == JsonValueKind.Number ? i.GetInt32() : 255;
        var binary = root.TryGetProperty("binary", out var b) && b.GetBoolean();
        return new DatasetClasses(names, colors, ignore, binary);
    }
}
