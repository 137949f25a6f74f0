using System.Globalization;
using SegGanLab.Models;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

// Summary(): the dry run.
public abstract partial class ExperimentBuilder<TSelf>
{
    /// <summary>
    /// A dry run: checks and builds everything as <see cref="Run"/> would, then walks one batch
    /// through every model and loss (one training step on throwaway models, and an evaluation of one
    /// validation batch), writing no files. Returns a readable summary of the data, models (layer
    /// tables), losses with their values, optimisation and training length.
    /// </summary>
    /// <exception cref="ExperimentConfigurationException">Listing every problem of the set-up.</exception>
    /// <exception cref="ExperimentDryRunException">When the walk fails: the stage and the shapes that did not fit.</exception>
    public ExperimentSummary Summary()
    {
        using var built = Build(BuildPurpose.Summary);
        var verb = Roles.First(r => r.Key == InferenceRole).Verbs[0];
        var tracker = new StageTracker(verb);
        RunResult walked;
        try
        {
            walked = new Trainer(built.Recipe!, built.Trainer with { Steps = 1, EvaluateEvery = 0, CheckpointEvery = 0, WriteReport = false }, null, [tracker])
                .Fit(CancellationToken.None);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or ExperimentConfigurationException))
        {
            throw new ExperimentDryRunException(tracker.Stage, Shapes(built, e), e);
        }
        var (h, w) = built.Data.SampleSize(validation: false);
        return new ExperimentSummary
        {
            Recipe = RecipeName,
            Name = built.Name,
            Data = Settings.Data!.ToString(),
            DataLines = DataLines(built),
            Models = [.. Roles.Select(r => Overview(r, built, h, w))],
            Losses = (built.DiscriminatorLoss ?? DefaultDiscriminatorLoss) is { } d
                ? new Dictionary<string, string> { ["G"] = built.Loss.ToString(), ["D"] = d.ToString() }
                : new Dictionary<string, string> { ["G"] = built.Loss.ToString() },
            LossValues = walked.History.Count > 0 ? walked.History[0].Losses : new Dictionary<string, double>(),
            Metrics = walked.Evaluations.Count > 0 ? walked.Evaluations[0].Metrics : new Dictionary<string, double>(),
            Optimizers = Roles.Where(r => built.Optimizers.ContainsKey(r.Key))
                .ToDictionary(r => r.Part, r => (SetOptimizer(r.Key) ?? DefaultOptimizer(r.Key)).ToString()),
            Schedule = (Settings.Schedule ?? ScheduleSpec.Constant()).ToString(),
            Training =
            [
                new("steps", built.Steps.ToString(CultureInfo.InvariantCulture) + (built.Scale != 1 ? string.Create(CultureInfo.InvariantCulture, $" (scaled by {built.Scale})") : "")),
                new("steps/epoch", built.Loaders.Train.BatchesPerEpoch.ToString(CultureInfo.InvariantCulture)),
                new("batch", built.Loaders.Train.Options.BatchSize.ToString(CultureInfo.InvariantCulture)),
                new("evaluate every", built.Trainer.EvaluateEvery.ToString(CultureInfo.InvariantCulture)),
                new("checkpoint every", built.Trainer.CheckpointEvery.ToString(CultureInfo.InvariantCulture)),
                new("device", built.Device.ToString()),
                new("seed", built.Seed.ToString(CultureInfo.InvariantCulture)),
            ],
        };
    }

    static IReadOnlyList<string> DataLines(BuiltExperiment built)
    {
        var d = built.Data;
        var (h, w) = d.SampleSize(validation: false);
        var lines = new List<string>
        {
            $"train: {d.Train.Name}, {d.Train.Count} samples, {w}x{h} after {d.TrainTransforms}",
            d.Val is { } v ? $"val: {v.Name}, {v.Count} samples" : "val: none (no evaluation data)",
        };
        if (d.Unlabelled is { } u) lines.Add($"unlabelled: {u.Name}, {u.Count} samples (labels not read)");
        lines.AddRange(
        [
            $"classes: {d.Classes}",
        ]);
        return lines;
    }

    ModelOverview Overview(ModelRole role, BuiltExperiment built, long h, long w)
    {
        var model = built.Models[role.Key];
        ModelSummary? layers = null;
        if (model is ImageModel image)
        {
            using var scope = SegGanLab.Torch.torch.NewDisposeScope();
            layers = image.Summary(h, w, depth: 1);
        }
        return new ModelOverview(role.Part, built.Specs[role.Key].Spec.ToString(), model.GetType().Name, model.parameters().Sum(p => p.numel()), layers);
    }

    /// <summary>The first batch's shapes, and the shape a model refused when that is what failed.</summary>
    static string Shapes(BuiltExperiment built, Exception e)
    {
        var (h, w) = built.Data.SampleSize(validation: false);
        var n = built.Loaders.Train.Options.BatchSize;
        var batch = $"batch images [{n}, 3, {h}, {w}], masks [{n}, {h}, {w}]";
        return e is ModelInputException m ? $"{batch}; {m.Model} refused [{string.Join(", ", m.Shape)}]" : batch;
    }
}
