using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// Recipe 4, GAN data augmentation (<see cref="GanAugmentedRecipe"/>): a pair generator (default
/// <c>DcganJoint</c>, drawing images of the data's square size and masks of its classes) and a
/// discriminator of (image, mask) pairs learn the data, and the segmenter trains on each real batch
/// plus, from the augmentation start, synthetic pairs in the set ratio. Defaults
/// (<see cref="GanAugmentedRecipeOptions"/>): DCGAN's objective and Adam for both GAN networks, half
/// a batch of synthetic samples from step 1000. The segmenter's loss (<c>.Loss</c>, default CE) and
/// optimizer (<c>.Optimizer</c>, default Adam) are its own; <see cref="GeneratorOptimizer"/> sets the
/// pair generator's. A discriminator must be given (<c>PatchGan</c>: it judges image and mask channels).
/// </summary>
/// <example><code>
/// Experiment.GanAugmented().Segmenter(UNet).Discriminator(PatchGan).Data(Synthetic(size: 64)).AugmentStart(500).SyntheticRatio(0.5).Run();
/// </code></example>
public sealed class GanAugmentedExperiment : GanExperimentBuilder<GanAugmentedExperiment, GanAugmentedRecipeOptions>
{
    internal GanAugmentedExperiment(ExperimentSettings settings, GanAugmentedRecipeOptions options) : base(settings, options) { }

    private protected override GanAugmentedExperiment With(ExperimentSettings settings, GanAugmentedRecipeOptions options) => new(settings, options);

    private protected override string RecipeName => "gan-augmented";

    private protected override string EntryPoint => "Experiment.GanAugmented()";

    private protected override string InferenceRole => "S";

    /// <summary>Synthetic samples per real sample in the segmenter's batches once augmentation starts.</summary>
    public GanAugmentedExperiment SyntheticRatio(double ratio) => Set(Options with { SyntheticRatio = ratio });

    /// <summary>The first step whose segmenter batches include synthetic samples (scaled with the run).</summary>
    public GanAugmentedExperiment AugmentStart(long step) => Set(Options with { AugmentStart = step });

    /// <summary>The pair generator's noise size: <c>.Generator(DcganJoint(latentSize: size))</c>, keeping the other options of a <c>DcganJoint(...)</c> already given.</summary>
    /// <exception cref="ArgumentException">When the generator was given as a model or factory, which has its own noise size.</exception>
    public GanAugmentedExperiment NoiseSize(long size)
    {
        var current = Settings.Models.GetValueOrDefault("generator");
        if (current is not null && current.RegistryName != "dcgan_joint")
            throw new ArgumentException($"NoiseSize({size}) sets the noise of the registered pair generator (DcganJoint), but the generator is {current}: build it with latentSize: {size} instead.", nameof(size));
        return Generator(ModelSpec.Named("dcgan_joint", (current?.Options ?? new ModelOptions()) with { LatentSize = size }));
    }

    /// <summary>Generated pairs written with each evaluation (0: none).</summary>
    public GanAugmentedExperiment SyntheticSamples(int count) => Set(Options with { SyntheticSamples = count });

    /// <summary>The pair generator's optimizer (default: Adam with the record's generator rate and betas, DCGAN's).</summary>
    public GanAugmentedExperiment GeneratorOptimizer(OptimizerSpec optimizer) =>
        With(Settings with { GeneratorOptimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer)) });

    private protected override IReadOnlyList<ModelRole> Roles =>
    [
        new("S", "segmenter", ["segmenter"], typeof(SegmentationModel), d => new ChannelPlan(InChannels: 3, NumClasses: d.LogitChannels)),
        new("G", "generator", ["generator"], typeof(DcganJointGenerator), d => new ChannelPlan(NumClasses: d.LogitChannels, ImageChannels: 3, OutputSize: SquareSide(d)),
            ModelSpec.DcganJoint()),
        new("D", "discriminator", ["discriminator"], typeof(Discriminator), d => new ChannelPlan(ImageChannels: 3, LabelChannels: d.LogitChannels)),
    ];

    /// <summary>The training samples' side when they are square (the pair generator draws squares), else null (the generator's default).</summary>
    static long? SquareSide(OpenedData data) => data.SampleSize(validation: false) is var (h, w) && h == w ? h : null;

    private protected override LossExpression DefaultLoss => Losses.Loss.CrossEntropy();

    private protected override LossInputs ProvidedInputs => LossInputs.Logits | LossInputs.Labels;

    static readonly LossInputs Scores = LossInputs.FakeScores | LossInputs.RealScores | LossInputs.Discriminator;

    private protected override OptimizerSpec? SetOptimizer(string role) => role switch
    {
        "D" => Settings.DiscriminatorOptimizer,
        "G" => Settings.GeneratorOptimizer,
        _ => Settings.Optimizer,
    };

    private protected override (string Verb, string Part) OptimizerName(string role) => role switch
    {
        "D" => ("DiscriminatorOptimizer", "discriminator_optimizer"),
        "G" => ("GeneratorOptimizer", "generator_optimizer"),
        _ => ("Optimizer", "optimizer"),
    };

    private protected override OptimizerSpec DefaultOptimizer(string role) => role switch
    {
        "D" => RecordDiscriminatorOptimizer,
        "G" => OptimizerSpec.Adam(lr: Options.GeneratorLearningRate, betas: (Options.GeneratorBeta1, Options.GeneratorBeta2)),
        _ => OptimizerSpec.Adam(),
    };

    private protected override GanAugmentedRecipeOptions Scaled(double scale) => Options with { AugmentStart = ScaledStart(Options.AugmentStart, scale) };

    private protected override void CheckRecipe(BuildState state, ProblemList problems)
    {
        var segmenter = (SegmentationModel)state.Models["S"];
        var generator = (DcganJointGenerator)state.Models["G"];
        var discriminator = (Discriminator)state.Models["D"];
        if (generator.NumClasses != segmenter.NumClasses || generator.ImageChannels != segmenter.InChannels)
            problems.Add("Generator", $"{generator.Name} makes {generator.ImageChannels}-channel images with {generator.NumClasses}-class masks but {segmenter.Name} segments {segmenter.InChannels}-channel images into {segmenter.NumClasses} classes: " +
                                      "pass the bare name (DcganJoint) so both follow the data, or build them with the same counts.");
        var (h, w) = state.Data.SampleSize(validation: false);
        if (h != generator.OutputSize || w != generator.OutputSize)
            problems.Add("Generator", $"{generator.Name} draws {generator.OutputSize}x{generator.OutputSize} pairs but the training samples are {w}x{h}: " +
                                      $"resize or crop the data to a square power of two (.Data(...Resize(64, 64))), or build the generator with outputSize: {h}.");
        if (discriminator.ImageChannels != generator.ImageChannels || discriminator.LabelChannels != generator.NumClasses)
            problems.Add("Discriminator", $"{discriminator.Name} judges {discriminator.ImageChannels} image + {discriminator.LabelChannels} label channels but the pairs have {generator.ImageChannels} + {generator.NumClasses}: " +
                                          $"build it with imageChannels: {generator.ImageChannels}, labelChannels: {generator.NumClasses}, or pass the bare name (PatchGan).");
        else problems.Try("Discriminator", () => discriminator.CheckShape([1, discriminator.InChannels, generator.OutputSize, generator.OutputSize]));
        if (state.Loss.Terms.FirstOrDefault(GanLosses.IsAdversarial) is { Term: { } adversarial })
            problems.Add("Loss", $"the segmenter of the gan-augmented recipe learns from real and synthetic labels only: remove '{adversarial.Name}' from .Loss(...) (the pair generator has its own adversarial loss).");
        else CheckLosses(Options.GeneratorLoss(), new LossSetup(Scores), new LossSetup(Scores), problems);
    }

    private protected override Recipe CreateRecipe(BuiltExperiment built) =>
        new GanAugmentedRecipe((SegmentationModel)built.Models["S"], built.Optimizers["S"], built.Schedulers.GetValueOrDefault("S"),
                               (DcganJointGenerator)built.Models["G"], (Discriminator)built.Models["D"], built.Loaders, Scaled(built.Scale), built.Loss,
                               discriminatorLoss: built.DiscriminatorLoss, generatorOptimizer: built.Optimizers["G"], discriminatorOptimizer: built.Optimizers["D"],
                               generatorScheduler: built.Schedulers.GetValueOrDefault("G"), discriminatorScheduler: built.Schedulers.GetValueOrDefault("D"));
}
