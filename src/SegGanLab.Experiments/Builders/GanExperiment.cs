using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// Recipe 2, adversarial segmentation (<see cref="AdversarialRecipe"/>; pix2pix, Luc et al. 2016): a
/// segmenter (also called the generator) and a discriminator that judges label maps next to the
/// image. Defaults (<see cref="AdversarialRecipeOptions"/>): vanilla GAN, loss CE + 0.01 x adv, one
/// critic step (5 for WGAN-GP), no image pool, the "basic" encoding, Adam 2e-4 (0.5, 0.999) for both
/// models as in pix2pix. A discriminator must be given.
/// </summary>
/// <example><code>
/// Experiment.Gan().Generator(UNet).Discriminator(PatchGan).Loss(Dice + 0.01 * Adv).Data(Synthetic()).Run();
/// </code></example>
public sealed class GanExperiment : GanExperimentBuilder<GanExperiment, AdversarialRecipeOptions>
{
    internal GanExperiment(ExperimentSettings settings, AdversarialRecipeOptions options) : base(settings, options) { }

    private protected override GanExperiment With(ExperimentSettings settings, AdversarialRecipeOptions options) => new(settings, options);

    private protected override string RecipeName => "gan";

    private protected override string EntryPoint => "Experiment.Gan()";

    /// <summary>The weight of <c>adv</c> in the default loss (CE + weight x adv); a loss you give carries its own weights.</summary>
    public GanExperiment AdversarialWeight(double weight) => Set(Options with { AdversarialWeight = weight });

    /// <summary>Ramp the adversarial weights from 0 over <paramref name="steps"/> steps (scaled with the run).</summary>
    public GanExperiment AdversarialRamp(long steps) => Set(Options with { AdversarialRampSteps = steps });

    /// <summary>pix2pix's image pool of past fakes for the discriminator (0: off).</summary>
    public GanExperiment ImagePool(int size) => Set(Options with { PoolSize = size });

    /// <summary>How label maps are shown to the discriminator (Luc et al.): basic, scaling (with its threshold τ) or product.</summary>
    public GanExperiment Encoding(LabelEncoding encoding, double? scalingThreshold = null) =>
        Set(Options with { Encoding = encoding, ScalingThreshold = scalingThreshold ?? Options.ScalingThreshold });

    private protected override IReadOnlyList<ModelRole> Roles =>
    [
        new("G", "segmenter", ["segmenter", "generator"], typeof(SegmentationModel), d => new ChannelPlan(InChannels: 3, NumClasses: d.LogitChannels)),
        new("D", "discriminator", ["discriminator"], typeof(Discriminator), d => Options.Encoding == LabelEncoding.Product
            ? new ChannelPlan(ImageChannels: 0, LabelChannels: 3 * d.LogitChannels)
            : new ChannelPlan(LabelChannels: d.LogitChannels)),
    ];

    private protected override LossExpression DefaultLoss => Options.SegmenterLoss();

    static readonly LossInputs Scores = LossInputs.FakeScores | LossInputs.RealScores | LossInputs.Discriminator;

    private protected override LossInputs ProvidedInputs => LossInputs.Logits | LossInputs.Labels | Scores;

    // pix2pix trains both networks with Adam 2e-4, betas (0.5, 0.999): the record's discriminator settings.
    private protected override OptimizerSpec DefaultOptimizer(string role) => RecordDiscriminatorOptimizer;

    private protected override AdversarialRecipeOptions Scaled(double scale) =>
        Options with { AdversarialRampSteps = ScaledStart(Options.AdversarialRampSteps, scale) };

    private protected override void CheckRecipe(BuildState state, ProblemList problems)
    {
        var segmenter = (SegmentationModel)state.Models["G"];
        var discriminator = (Discriminator)state.Models["D"];
        problems.Try("Discriminator", () => LabelEncoder.Check(discriminator, segmenter, Options.Encoding));
        CheckLosses(state.Loss, new LossSetup(ProvidedInputs, (int)segmenter.NumClasses), new LossSetup(Scores), problems);
    }

    private protected override Recipe CreateRecipe(BuiltExperiment built) =>
        new AdversarialRecipe((SegmentationModel)built.Models["G"], built.Optimizers["G"], built.Schedulers.GetValueOrDefault("G"),
                              (Discriminator)built.Models["D"], built.Loaders, Scaled(built.Scale), built.Loss, built.DiscriminatorLoss,
                              built.Optimizers["D"], built.Schedulers.GetValueOrDefault("D"));
}
