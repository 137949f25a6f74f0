using SegGanLab.Data;
using SegGanLab.Imaging;
using SegGanLab.Models;
using SegGanLab.Torch;
using SegGanLab.Torch.Serialization;
using SegGanLab.Training;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Experiments;

/// <summary>
/// A trained segmenter with what it was trained on: evaluates it on a dataset split and predicts
/// mask PNGs for image files. Shared by <see cref="SavedExperiment"/> and the builders'
/// <c>Evaluate</c>/<c>Predict</c>.
/// </summary>
internal sealed class Inference(SegmentationModel segmenter, DataSpec data, DatasetClasses classes, Device device, string checkpoint)
{
    public SegmentationModel Segmenter => segmenter;

    public string Checkpoint => checkpoint;

    /// <summary>Loads the weights of role <paramref name="role"/> from a training checkpoint into <paramref name="model"/>.</summary>
    public static void LoadWeights(nn.Module model, string checkpoint, string role)
    {
        if (!File.Exists(checkpoint)) throw new SavedExperimentException(checkpoint, "the checkpoint does not exist");
        using var file = SafeTensors.Load(checkpoint);
        var prefix = $"model/{role}/";
        var state = file.Tensors.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(t => t.Key[prefix.Length..], t => t.Value, StringComparer.Ordinal);
        if (state.Count == 0)
            throw new SavedExperimentException(checkpoint, $"it holds no weights for the model role '{role}' (is it a SegGanLab training checkpoint of this experiment?)");
        try
        {
            model.load_state_dict(state);
        }
        catch (StateDictException e)
        {
            throw new SavedExperimentException(checkpoint, $"its '{role}' weights do not fit the model: {e.Message}", e);
        }
    }

    /// <summary>The checkpoint a run folder or file names: the folder's best (else its last), or the file itself.</summary>
    public static string ResolveCheckpoint(string folderOrFile, string which = "best")
    {
        if (File.Exists(folderOrFile)) return Path.GetFullPath(folderOrFile);
        if (!Directory.Exists(folderOrFile))
            throw new SavedExperimentException(folderOrFile, "no such run folder or checkpoint file; pass a folder under runs/ or a .safetensors checkpoint");
        var dir = Path.Combine(folderOrFile, "checkpoints");
        var path = which switch
        {
            "best" => File.Exists(Path.Combine(dir, "best.safetensors")) ? Path.Combine(dir, "best.safetensors") : Path.Combine(dir, "last.safetensors"),
            "last" => Path.Combine(dir, "last.safetensors"),
            _ => Path.IsPathRooted(which) ? which : Path.Combine(folderOrFile, which),
        };
        if (!File.Exists(path))
            throw new SavedExperimentException(folderOrFile, $"it has no checkpoint '{which}' ({path}); use \"best\", \"last\" or a checkpoint's path");
        return Path.GetFullPath(path);
    }

    /// <summary>Evaluates on <paramref name="split"/> of <paramref name="on"/> (null: the training data's validation split).</summary>
    public EvaluationReport Evaluate(DataSpec? on, string split, CancellationToken cancellation)
    {
        var spec = on ?? data;
        if (spec.Kind == "custom" && spec.CustomTrain is null)
            throw new SavedExperimentException(checkpoint, "the run's data were datasets built in code, which options.json cannot reopen; pass the data to evaluate on (Evaluate(data: ...), seggan eval --data)");
        var opened = (split == "train" || split == "val" || spec.Kind is "synthetic" or "custom" ? spec : spec with { ValSplit = split }).Open();
        var set = split == "train" ? opened.Train
            : opened.Val ?? throw new SavedExperimentException(spec.ToString(), $"it has no '{split}' split to evaluate on; use split \"train\" or data with a validation split");
        if (split is not ("train" or "val") && spec.Kind is "synthetic" or "custom")
            throw new SavedExperimentException(spec.ToString(), $"it has no split '{split}': use \"val\" or \"train\"");
        if (!set.Classes.Names.SequenceEqual(classes.Names))
            throw new SavedExperimentException(spec.ToString(), $"its classes ({set.Classes}) are not the ones the model was trained on ({classes}); evaluate on data with the same classes");
        var loader = new DataLoader(set, opened.ValTransforms,
                                    new LoaderOptions { BatchSize = 4, Shuffle = false, Workers = spec.LoaderWorkers ?? new LoaderOptions().Workers, Device = device });
        using var scope = NewDisposeScope();
        var evaluation = SegmentationEvaluator.Evaluate(segmenter, loader, samples: 0, cancellation);
        return new EvaluationReport(set.Name, split, set.Count, checkpoint, evaluation.Metrics, evaluation.Scores);
    }

    /// <summary>
    /// Writes one mask PNG per image into <paramref name="folder"/> (<c>&lt;image name&gt;.png</c>): class
    /// indices as the pixel values, coloured by the dataset's palette. Images are resized as in
    /// training (when the data was), padded to the model's size multiple, and the prediction is
    /// brought back to the image's own size.
    /// </summary>
    public IReadOnlyList<string> Predict(IEnumerable<string> images, string folder, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var palette = classes.LabelPalette();
        var wasTraining = segmenter.training;
        segmenter.eval();
        try
        {
            using var grad = no_grad();
            foreach (var path in images)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var labels = PredictOne(path);
                var output = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".png");
                ImageFile.WritePng(output, SegmentationEvaluator.LabelImage(labels, palette));
                written.Add(output);
            }
        }
        finally
        {
            segmenter.train(wasTraining);
        }
        return written;
    }

    Tensor PredictOne(string path)
    {
        ImageData image;
        try { image = ImageFile.Read(path, ColorMode.Rgb); }
        catch (IOException e) { throw new SavedExperimentException(path, $"cannot read the image: {e.Message}", e); }
        var sample = new SegmentationSample(image.Width, image.Height, image.Pixels, new byte[image.Width * image.Height], (byte)classes.IgnoreIndex, path);
        var random = new DataRandom(0);
        if (data.Size is { } size) sample = new Resize(size.Width, size.Height).Apply(sample, ref random);
        var planes = new float[3 * sample.Width * sample.Height];
        data.NormalizationValue.Normalize(sample.Image, planes);
        var input = tensor(planes, [1, 3, sample.Height, sample.Width]).to(device);
        // Pad right and bottom to the model's multiple with zeros (the mean colour once normalised); cropped off again below.
        var m = segmenter.SizeMultiple;
        long padH = (m - sample.Height % m) % m, padW = (m - sample.Width % m) % m;
        if (padH > 0 || padW > 0) input = F.pad(input, [0, padW, 0, padH]);
        var logits = segmenter.forward(input).narrow(2, 0, sample.Height).narrow(3, 0, sample.Width);
        if (sample.Width != image.Width || sample.Height != image.Height)
            logits = F.interpolate(logits, size: (image.Height, image.Width), mode: UpsampleMode.Bilinear, align_corners: false);
        var labels = classes.Binary ? logits[0][0].gt(0) : logits[0].argmax(0);
        return labels.cpu();
    }
}
