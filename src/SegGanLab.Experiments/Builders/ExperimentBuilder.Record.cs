using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

// options.json: every option with its value and default (docs/run-folder.md), flat and dotted so a
// report lists and marks each one.
public abstract partial class ExperimentBuilder<TSelf>
{
    IEnumerable<OptionValue> Record(BuiltExperiment built, long requestedSteps)
    {
        var s = Settings;
        var defaultSteps = new TrainerOptions().Steps;
        yield return new OptionValue("steps", built.Steps, StepScale.Apply(defaultSteps, built.Scale));
        yield return new OptionValue("steps_requested", requestedSteps, defaultSteps);
        yield return new OptionValue("step_scale", built.Scale, 1.0);
        yield return new OptionValue("epochs", s.Epochs, null);
        yield return new OptionValue("batch", built.Loaders.Train.Options.BatchSize, new LoaderOptions().BatchSize);
        yield return new OptionValue("device", built.Device.ToString(), "cpu");
        var evaluateDefault = Math.Max(1, built.Steps / 10);
        yield return new OptionValue("evaluate_every", built.Trainer.EvaluateEvery, evaluateDefault);
        yield return new OptionValue("checkpoint_every", built.Trainer.CheckpointEvery, built.Trainer.EvaluateEvery);
        foreach (var e in s.Data!.Entries()) yield return e;
        foreach (var role in Roles)
        {
            var (spec, plan) = built.Specs[role.Key];
            foreach (var e in ModelRecord.Entries(role.Part, built.Models[role.Key], spec, role.Default, plan)) yield return e;
        }
        foreach (var e in LossEntries("loss", built.Loss, DefaultLoss)) yield return e;
        if (DefaultDiscriminatorLoss is { } d)
            foreach (var e in LossEntries("discriminator_loss", s.DiscriminatorLoss ?? d, d)) yield return e;
        foreach (var role in Roles.Where(r => built.Optimizers.ContainsKey(r.Key)))
            foreach (var e in (SetOptimizer(role.Key) ?? DefaultOptimizer(role.Key)).Entries(OptimizerName(role.Key).Part, DefaultOptimizer(role.Key)))
                yield return e;
        foreach (var e in (s.Schedule ?? ScheduleSpec.Constant()).Entries("schedule", ScheduleSpec.Constant())) yield return e;
        foreach (var e in RecipeEntries(built.Scale)) yield return e;
    }

    /// <summary>A loss expression as written (<c>ce + 0.5 * dice</c>) and its terms with weights and configurations.</summary>
    private protected static IEnumerable<OptionValue> LossEntries(string part, LossExpression value, LossExpression fallback)
    {
        yield return new OptionValue(part, value.ToString(), fallback.ToString());
        yield return new OptionValue($"{part}.terms", Terms(value), Terms(fallback));
    }

    static object[] Terms(LossExpression loss) =>
        [.. loss.Terms.Select(t => new Dictionary<string, object> { ["name"] = t.Name, ["weight"] = t.Weight, ["term"] = t.Term.Describe() })];
}
