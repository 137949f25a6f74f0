using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// Recipe 4, GAN data augmentation ("gan-augmented"): a pair generator G draws an image and its mask
/// logits from noise (<see cref="Models.Models.DcganJoint"/>), a discriminator D judges (image, mask)
/// pairs, real ones from the training data (the image in [-1, 1] and the one-hot mask) against
/// generated ones (the image and the mask's class probabilities), and the segmenter S trains on
/// each real batch plus, from <see cref="GanAugmentedRecipeOptions.AugmentStart"/>, synthetic samples
/// (the step's generated images with their argmax masks, detached) in the proportion
/// <see cref="GanAugmentedRecipeOptions.SyntheticRatio"/>. Roles and log sides: <c>S</c> the
/// segmenter, <c>G</c> the pair generator, <c>D</c> the discriminator. Evaluation scores S on the
/// validation data and shows pairs generated from fixed noise.
/// </summary>
public sealed class GanAugmentedRecipe : SegmentationRecipe
{
    const ulong ShowcaseSeed = 0x5A3D1E;
    readonly DiscriminatorTrainer _critic;
    readonly Optimizer _generatorOptimizer;
    readonly LRScheduler? _generatorScheduler;
    readonly Generator _noise;

    /// <summary>A GAN-augmentation recipe; it owns (and disposes) the models, optimizers and schedulers.</summary>
    /// <param name="segmenter">S: images to class logits.</param>
    /// <param name="optimizer">S's optimizer.</param>
    /// <param name="scheduler">S's LR schedule (stepped once per step), or null.</param>
    /// <param name="generator">G: noise to (image, mask logits) pairs of the data's size and classes.</param>
    /// <param name="discriminator">D: judges images ([-1, 1]) with their class maps: imageChannels = G's image channels, labelChannels = its classes.</param>
    /// <param name="data">Training and validation data.</param>
    /// <param name="options">The recipe's options (null: the defaults).</param>
    /// <param name="loss">S's loss (null: cross-entropy).</param>
    /// <param name="generatorLoss">G's loss (null: <see cref="GanAugmentedRecipeOptions.GeneratorLoss"/>).</param>
    /// <param name="discriminatorLoss">D's loss (null: <see cref="GanRecipeOptions.DiscriminatorLoss"/>).</param>
    /// <param name="generatorOptimizer">G's optimizer (null: <see cref="GanAugmentedRecipeOptions.GeneratorOptimizer"/>).</param>
    /// <param name="discriminatorOptimizer">D's optimizer (null: <see cref="GanRecipeOptions.DiscriminatorOptimizer"/>).</param>
    /// <param name="generatorScheduler">G's LR schedule, or null.</param>
    /// <param name="discriminatorScheduler">D's LR schedule, or null.</param>
    /// <exception cref="ModelCompatibilityException">When G, D, S and the data's classes do not fit together.</exception>
    /// <exception cref="ModelInputException">When D cannot judge pairs of G's size.</exception>
    /// <exception cref="LossConfigurationException">When a loss needs what the recipe does not give, or the GAN's two sides do not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public GanAugmentedRecipe(SegmentationModel segmenter, Optimizer optimizer, LRScheduler? scheduler, DcganJointGenerator generator, Discriminator discriminator,
                              SegmentationData data, GanAugmentedRecipeOptions? options = null, LossExpression? loss = null,
                              LossExpression? generatorLoss = null, LossExpression? discriminatorLoss = null,
                              Optimizer? generatorOptimizer = null, Optimizer? discriminatorOptimizer = null,
                              LRScheduler? generatorScheduler = null, LRScheduler? discriminatorScheduler = null)
        : base("gan-augmented", "S", segmenter, optimizer, scheduler, data)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        Options = options ?? new GanAugmentedRecipeOptions();
        Options.Validate();
        CheckModels(segmenter, generator, discriminator);
        Generator = generator;
        Loss = loss ?? SegGanLab.Losses.Loss.CrossEntropy();
        if (Loss.Terms.FirstOrDefault(GanLosses.IsAdversarial) is { Term: { } adversarial })
            throw new LossConfigurationException($"the segmenter of the gan-augmented recipe learns from real and synthetic labels only: remove '{adversarial.Name}' from its loss (the pair generator has its own, generatorLoss)");
        Loss.Validate(SegmenterSetup());
        var penalty = RecipeRandom.Create();
        _noise = RecipeRandom.Create();
        State.Generators["gp"] = penalty;
        State.Generators["noise"] = _noise;
        GeneratorLoss = generatorLoss ?? Options.GeneratorLoss();
        DiscriminatorLoss = discriminatorLoss ?? Options.DiscriminatorLoss(penalty);
        var gan = new LossSetup(LossInputs.FakeScores | LossInputs.RealScores | LossInputs.Discriminator);
        GanLosses.Validate(Name, GeneratorLoss, gan, DiscriminatorLoss, gan);
        (_generatorOptimizer, _generatorScheduler) = (generatorOptimizer ?? Options.GeneratorOptimizer(generator), generatorScheduler);
        State.Add("G", generator, _generatorOptimizer, generatorScheduler);
        _critic = new DiscriminatorTrainer(State, discriminator, discriminatorOptimizer ?? Options.DiscriminatorOptimizer(discriminator),
                                           discriminatorScheduler, Options.DiscriminatorSteps);
    }

    /// <summary>The recipe's options.</summary>
    public GanAugmentedRecipeOptions Options { get; }

    /// <summary>The pair generator.</summary>
    public DcganJointGenerator Generator { get; }

    /// <summary>The discriminator.</summary>
    public Discriminator Discriminator => _critic.Model;

    /// <summary>S's loss; a callback may change it between steps.</summary>
    public LossExpression Loss { get; set; }

    /// <summary>G's loss; a callback may change it between steps.</summary>
    public LossExpression GeneratorLoss { get; set; }

    /// <summary>D's loss; a callback may change it between steps.</summary>
    public LossExpression DiscriminatorLoss { get; set; }

    /// <inheritdoc/>
    public override void Step(StepContext step)
    {
        var batch = NextBatch(step);
        var (n, size) = (batch.Count, Generator.OutputSize);
        if (batch.Images.size(2) != size || batch.Images.size(3) != size)
            throw new ModelCompatibilityException(
                $"the training images are {batch.Images.size(3)}x{batch.Images.size(2)} but {Generator.Name} generates {size}x{size} pairs: " +
                $"resize the data to {size}x{size} (TransformPipeline.Resize or RandomCrop) or create the generator with outputSize equal to the data's (a power of two).");
        var synthetic = step.Step > Options.AugmentStart ? (int)Math.Round(Options.SyntheticRatio * n) : 0;
        using var noise = randn([Math.Max(n, synthetic), Generator.LatentSize], generator: _noise);
        var (images, maskLogits) = Generator.forward(noise);

        var normalization = Data.Train.Transforms.Normalization;
        var real = cat([ImageRanges.ToSymmetric(batch.Images, normalization), LabelMaps.OneHot(batch.Masks, Generator.NumClasses, Data.Classes.IgnoreIndex, images.dtype)], 1);
        var fake = cat([images.narrow(0, 0, n), LabelMaps.Probabilities(maskLogits.narrow(0, 0, n))], 1);
        _critic.Train(step, real, fake, DiscriminatorLoss);
        using (_critic.Freeze())
            step.GeneratorStep(() =>
            {
                _generatorOptimizer.zero_grad();
                using var context = new LossContext { Discriminator = _critic.Forward, RealInput = real, FakeInput = fake };
                var loss = GeneratorLoss.Evaluate(context);
                step.Report("G", loss);
                loss.Total.backward();
                _generatorOptimizer.step();
                _generatorScheduler?.step();
            });

        var inputs = batch.Images;
        var labels = batch.Masks;
        if (synthetic > 0)
        {
            inputs = cat([inputs, ImageRanges.FromSymmetric(images.narrow(0, 0, synthetic).detach(), normalization)], 0);
            labels = cat([labels, LabelMaps.Predicted(maskLogits.narrow(0, 0, synthetic).detach())], 0);
        }
        var logits = Segmenter.forward(inputs);
        using var segmentation = new LossContext { Logits = logits, Labels = labels, IgnoreIndex = Data.Classes.IgnoreIndex };
        UpdateSegmenter(step, () => [Loss.Evaluate(segmentation)]);
    }

    /// <summary>S on the validation data, with pairs G draws from fixed noise added to the samples as <c>synthetic-k.png</c> and <c>synthetic-mask-k.png</c>.</summary>
    public override Evaluation Evaluate(CancellationToken cancellation)
    {
        var evaluation = base.Evaluate(cancellation);
        if (Options.SyntheticSamples == 0) return evaluation;
        var wasTraining = Generator.training;
        Generator.eval();
        var samples = new List<EvaluationSample>();
        try
        {
            using var grad = no_grad();
            using var showcase = new Generator(ShowcaseSeed);   // the same noise at every evaluation, so samples show progress
            var (images, maskLogits) = Generator.Sample(Options.SyntheticSamples, showcase);
            using var masks = LabelMaps.Predicted(maskLogits);
            var palette = Data.Classes.LabelPalette();
            var count = Math.Max(evaluation.Samples.Count, Options.SyntheticSamples);
            for (var k = 0; k < count; k++)
            {
                var roles = k < evaluation.Samples.Count ? evaluation.Samples[k].Images.ToList() : [];
                if (k < Options.SyntheticSamples)
                {
                    using var image = images[k];
                    using var mask = masks[k];
                    roles.Add(new("synthetic", Normalization.Symmetric.ToImage(image)));
                    roles.Add(new("synthetic-mask", SegmentationEvaluator.LabelImage(mask, palette)));
                }
                samples.Add(new EvaluationSample(roles));
            }
        }
        finally
        {
            Generator.train(wasTraining);
        }
        return new Evaluation { Metrics = evaluation.Metrics, Split = evaluation.Split, Scores = evaluation.Scores, Confusion = evaluation.Confusion, Samples = samples };
    }

    /// <summary>G's pairs must fit S (image channels, classes) and D (image + label channels, size).</summary>
    static void CheckModels(SegmentationModel segmenter, DcganJointGenerator generator, Discriminator discriminator)
    {
        if (generator.NumClasses != segmenter.NumClasses || generator.ImageChannels != segmenter.InChannels)
            throw new ModelCompatibilityException(
                $"{generator.Name} makes {generator.ImageChannels}-channel images with {generator.NumClasses}-class masks but {segmenter.Name} segments {segmenter.InChannels}-channel images into {segmenter.NumClasses} classes: " +
                $"create the generator with imageChannels: {segmenter.InChannels}, numClasses: {segmenter.NumClasses}.");
        if (discriminator.ImageChannels != generator.ImageChannels || discriminator.LabelChannels != generator.NumClasses)
            throw new ModelCompatibilityException(
                $"{discriminator.Name} judges {discriminator.ImageChannels} image + {discriminator.LabelChannels} label channels but the pairs have {generator.ImageChannels} + {generator.NumClasses}: " +
                $"create it with imageChannels: {generator.ImageChannels}, labelChannels: {generator.NumClasses}.");
        discriminator.CheckShape([1, discriminator.InChannels, generator.OutputSize, generator.OutputSize]);
    }
}
