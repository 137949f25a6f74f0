using SegGanLab.Models;

namespace SegGanLab.Experiments;

// Evaluate(data) and Predict(images): the trained segmenter of this builder's last run, or of .Weights(...).
public abstract partial class ExperimentBuilder<TSelf>
{
    /// <summary>
    /// Evaluates the trained segmenter on <paramref name="split"/> of <paramref name="data"/> (null: this
    /// experiment's data): the weights of this builder's last <see cref="Run"/> (its best checkpoint)
    /// or of <see cref="Weights"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">When there are no trained weights yet.</exception>
    public EvaluationReport Evaluate(DataSpec? data = null, string split = "val")
    {
        var (inference, owned) = Trained();
        try { return inference.Evaluate(data, split, ExperimentHost.Cancellation); }
        finally { if (owned) inference.Segmenter.Dispose(); }
    }

    /// <summary>Writes a mask PNG per image into <paramref name="outputFolder"/> with the trained segmenter (see <see cref="Evaluate(DataSpec?, string)"/>); returns their paths.</summary>
    /// <exception cref="InvalidOperationException">When there are no trained weights yet.</exception>
    public IReadOnlyList<string> Predict(IEnumerable<string> images, string outputFolder = "predictions")
    {
        ArgumentNullException.ThrowIfNull(images);
        var (inference, owned) = Trained();
        try { return inference.Predict(images, outputFolder, ExperimentHost.Cancellation); }
        finally { if (owned) inference.Segmenter.Dispose(); }
    }

    (Inference Inference, bool Owned) Trained()
    {
        var source = Settings.Weights ?? _lastResult?.Folder
            ?? throw new InvalidOperationException($"{EntryPoint} has no trained weights to evaluate or predict with: call Run() on this experiment first, or add .Weights(runFolderOrCheckpoint).");
        var checkpoint = Inference.ResolveCheckpoint(source);
        var problems = new ProblemList();
        var data = Settings.Data;
        OpenedData? opened = null;
        if (data is null) problems.Add("Data", $"{EntryPoint} has no data, which says the classes and the input size of its segmenter: add .Data(...).");
        else problems.Try("Data", () => opened = data.Open());
        problems.ThrowIfAny(EntryPoint);
        var role = Roles.First(r => r.Key == InferenceRole);
        var spec = role.Verbs.Where(Settings.Models.ContainsKey).Select(v => Settings.Models[v]).FirstOrDefault() ?? role.Default
            ?? throw new ExperimentConfigurationException(EntryPoint, [new ExperimentProblem(Title(role.Verbs[0]), $"{EntryPoint} has no {role.Verbs[0]} to load the weights into: add .{Title(role.Verbs[0])}(...).")]);
        var model = spec.Build(role.Plan(opened!));
        try
        {
            if (model is not SegmentationModel segmenter)
                throw new InvalidOperationException($"{EntryPoint}'s {role.Verbs[0]} is a {model.GetType().Name}, which does not predict masks.");
            Inference.LoadWeights(segmenter, checkpoint, role.Key);
            var device = Torch.Device.Parse(Settings.Device);
            segmenter.to(device);
            return (new Inference(segmenter, data!, opened!.Classes, device, checkpoint), spec.OwnsModel);
        }
        catch
        {
            if (spec.OwnsModel) model.Dispose();
            throw;
        }
    }
}
