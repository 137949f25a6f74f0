using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// Recipe 3, semi-supervised adversarial segmentation (<see cref="SemiSupervisedRecipe"/>; Hung et al.
/// 2018): a segmenter and a fully convolutional discriminator on its probability maps (default
/// <c>HungDiscriminator</c>, registry <c>hung_fcd</c>). Labelled batches train the segmenter's loss
/// (cross-entropy by default) + λ_adv x adv; unlabelled images add λ_semi_adv x semi_adv and, from
/// semi_start, λ_semi x cross-entropy on pseudo-labels where the discriminator's confidence reaches
/// mask_T. The unlabelled images come from <see cref="Labelled"/> (the rest of the training split,
/// its labels hidden, as Hung et al.'s partial-data runs) or <see cref="Unlabelled"/>. The defaults
/// are <see cref="SemiSupervisedRecipeOptions"/>'s; the segmenter's optimizer defaults to Adam
/// (Hung et al.'s SGD 2.5e-4 with poly decay suits a pretrained DeepLab: give it with
/// <c>.Optimizer(SGD(lr: 2.5e-4, momentum: 0.9, weightDecay: 5e-4)).Schedule(Poly())</c>).
/// </summary>
/// <example><code>
/// Experiment.SemiSupervised().Segmenter(UNet).Data(Synthetic()).Labelled(0.125).SemiStart(1000).Steps(4000).Run();
/// </code></example>
public sealed class SemiSupervisedExperiment : RecipeExperimentBuilder<SemiSupervisedExperiment, SemiSupervisedRecipeOptions>
{
    internal SemiSupervisedExperiment(ExperimentSettings settings, SemiSupervisedRecipeOptions options) : base(settings, options) { }

    private protected override SemiSupervisedExperiment With(ExperimentSettings settings, SemiSupervisedRecipeOptions options) => new(settings, options);

    private protected override string RecipeName => "semi";

    private protected override string EntryPoint => "Experiment.SemiSupervised()";

    /// <summary>Keep the labels of <paramref name="fraction"/> of the training split (Hung et al.: 1/8, 1/4, 1/2) and use the rest as unlabelled images.</summary>
    public SemiSupervisedExperiment Labelled(double fraction) => With(Settings with { LabelledFraction = fraction });

    /// <summary>Unlabelled images from another dataset (its training split; its labels are not read). Its classes must be the data's.</summary>
    public SemiSupervisedExperiment Unlabelled(DataSpec images) => With(Settings with { UnlabelledData = images ?? throw new ArgumentNullException(nameof(images)) });

    /// <summary>semi_start: the step from which pseudo-labels train the segmenter (scaled with the run).</summary>
    public SemiSupervisedExperiment SemiStart(long step) => Set(Options with { SemiStart = step });

    /// <summary>mask_T: the discriminator confidence a pixel needs to become a pseudo-label.</summary>
    public SemiSupervisedExperiment MaskThreshold(double threshold) => Set(Options with { MaskThreshold = threshold });

    /// <summary>λ_adv: the weight of the adversarial term on labelled batches.</summary>
    public SemiSupervisedExperiment LambdaAdv(double weight) => Set(Options with { LambdaAdv = weight });

    /// <summary>λ_semi_adv: the weight of the adversarial term on unlabelled batches (0 with <see cref="LambdaSemi"/> 0: no unlabelled images).</summary>
    public SemiSupervisedExperiment LambdaSemiAdv(double weight) => Set(Options with { LambdaSemiAdv = weight });

    /// <summary>λ_semi: the weight of the cross-entropy on confident pseudo-labels of unlabelled batches.</summary>
    public SemiSupervisedExperiment LambdaSemi(double weight) => Set(Options with { LambdaSemi = weight });

    private protected override IReadOnlyList<ModelRole> Roles =>
    [
        new("G", "segmenter", ["segmenter"], typeof(SegmentationModel), d => new ChannelPlan(InChannels: 3, NumClasses: d.LogitChannels)),
        new("D", "discriminator", ["discriminator"], typeof(Discriminator), d => new ChannelPlan(LabelChannels: d.LogitChannels), ModelSpec.HungDiscriminator()),
    ];

    private protected override LossExpression DefaultLoss => Losses.Loss.CrossEntropy();

    private protected override LossInputs ProvidedInputs => LossInputs.Logits | LossInputs.Labels;

    // The segmenter: PyTorch's Adam (see the class remarks); the discriminator: the record's Adam (Hung et al.: 1e-4, (0.9, 0.99)).
    private protected override OptimizerSpec DefaultOptimizer(string role) => role == "D"
        ? OptimizerSpec.Adam(lr: Options.DiscriminatorLearningRate, betas: (Options.DiscriminatorBeta1, Options.DiscriminatorBeta2))
        : OptimizerSpec.Adam();

    private protected override SemiSupervisedRecipeOptions Scaled(double scale) => Options with
    {
        SemiStart = ScaledStart(Options.SemiStart, scale),
        SemiAdversarialStart = ScaledStart(Options.SemiAdversarialStart, scale),
    };

    private protected override void ValidateOptions() => Options.Validate();

    private protected override OpenedData? Arrange(OpenedData data, ProblemList problems)
    {
        var s = Settings;
        if (s.LabelledFraction is { } f && !(f > 0 && f <= 1))
        {
            problems.Add("Labelled", $"Labelled({f}): keep the labels of a fraction in (0, 1] of the training data, e.g. Labelled(0.125) for Hung et al.'s 1/8.");
            return null;
        }
        if (s.UnlabelledData is not null && s.LabelledFraction is < 1)
        {
            problems.Add("Unlabelled", $"{EntryPoint} has both .Labelled({s.LabelledFraction}) and .Unlabelled(...): take the unlabelled images from one of them.");
            return null;
        }
        if (s.UnlabelledData is { } spec)
        {
            OpenedData? images = null;
            if (!problems.Try("Unlabelled", () => images = spec.Open())) return null;
            if (!images!.Classes.Names.SequenceEqual(data.Classes.Names))
            {
                problems.Add("Unlabelled", $"the unlabelled data ({images.Train.Name}) has other classes ({string.Join(", ", images.Classes.Names.Take(6))}) than the data ({string.Join(", ", data.Classes.Names.Take(6))}): the discriminator judges maps of one class set; use images of the same dataset.");
                return null;
            }
            data = data with { Unlabelled = images.Train };
        }
        if (s.LabelledFraction is { } fraction and < 1)
        {
            // A fixed split seed, as the held-out validation split: the labelled samples do not change with the experiment's seed.
            var (labelled, rest) = DatasetSplits.LabelledUnlabelled(data.Train, fraction, seed: 0);
            data = data with { Train = labelled, Unlabelled = rest };
        }
        if (data.Unlabelled is null && Options.UsesUnlabelled)
        {
            problems.Add("Labelled", $"{EntryPoint} has no unlabelled images: add .Labelled(0.125) to train on 1/8 of the labels and the rest as unlabelled images, or .Unlabelled(data); " +
                                     "for the adversarial term alone on fully labelled data set .LambdaSemiAdv(0).LambdaSemi(0).");
            return null;
        }
        return data;
    }

    private protected override void CheckRecipe(BuildState state, ProblemList problems)
    {
        var segmenter = (SegmentationModel)state.Models["G"];
        var discriminator = (Discriminator)state.Models["D"];
        problems.Try("Discriminator", () => discriminator.CheckCompatible(segmenter));
        if (state.Loss.Terms.FirstOrDefault(GanLosses.IsAdversarial) is { Term: { } own })
            problems.Add("Loss", $"the semi recipe adds Hung et al.'s adversarial terms itself (weights .LambdaAdv(...) and .LambdaSemiAdv(...)): remove '{own.Name}' from .Loss(...).");
        if (Settings.DiscriminatorLoss is not null)
            problems.Add("DiscriminatorLoss", "the semi recipe's discriminator learns Hung et al.'s per-pixel BCE on its confidence map: remove .DiscriminatorLoss(...).");
    }

    private protected override IEnumerable<OptionValue> RecipeEntries(double scale) =>
    [
        .. base.RecipeEntries(scale),
        new OptionValue("semi.labelled_fraction", Settings.LabelledFraction ?? 1.0, 1.0),
        new OptionValue("semi.unlabelled_data", Settings.UnlabelledData?.ToString(), null),
    ];

    private protected override Recipe CreateRecipe(BuiltExperiment built) =>
        new SemiSupervisedRecipe((SegmentationModel)built.Models["G"], built.Optimizers["G"], built.Schedulers.GetValueOrDefault("G"),
                                 (Discriminator)built.Models["D"], built.Loaders, built.Unlabelled ?? built.Loaders.Train, Scaled(built.Scale), built.Loss,
                                 built.Optimizers["D"], built.Schedulers.GetValueOrDefault("D"));
}
