using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Training;

/// <summary>
/// Recipe 3, semi-supervised adversarial segmentation ("semi"; Hung et al. 2018, AdvSemiSeg): a fully
/// convolutional discriminator on class-probability maps whose output, upsampled to the image, is a
/// per-pixel confidence map. On labelled batches the segmenter minimises its loss (cross-entropy by
/// default) + λ_adv x <c>adv</c>; on unlabelled batches λ_semi_adv x <c>semi_adv</c> and, from
/// <see cref="SemiSupervisedRecipeOptions.SemiStart"/>, λ_semi x <c>semi_ce</c>: cross-entropy on
/// its own argmax where the confidence reaches mask_T (other pixels ignored; the fraction that
/// passes is logged as <c>G/semi_ratio</c>). The discriminator learns one-hot ground truth as real and
/// predictions (labelled, and unlabelled with D_remain) as fake with BCE, ignored pixels masked.
/// </summary>
/// <remarks>
/// Differences from AdvSemiSeg's train.py: the discriminator's real batch is the ground truth of the
/// step's labelled batch (train.py draws another labelled batch for it), and labelled predictions
/// are zeroed at ignored pixels as the ground truth is, so the discriminator cannot tell them apart by
/// those pixels alone.
/// </remarks>
public sealed class SemiSupervisedRecipe : SegmentationRecipe
{
    readonly DiscriminatorTrainer _critic;
    readonly StepStream _unlabelled;
    readonly LossExpression _adversarial, _semiAdversarial, _semiCrossEntropy, _discriminatorFake, _discriminatorReal;

    /// <summary>A semi-supervised recipe; it owns (and disposes) the models, optimizers and schedulers.</summary>
    /// <param name="segmenter">S: images to class logits.</param>
    /// <param name="optimizer">S's optimizer (Hung et al.: SGD lr 2.5e-4, momentum 0.9, weight decay 5e-4, poly 0.9).</param>
    /// <param name="scheduler">S's LR schedule (stepped once per step), or null.</param>
    /// <param name="discriminator">D: judges probability maps per pixel (<see cref="Models.Models.HungDiscriminator"/>); smaller outputs are upsampled.</param>
    /// <param name="labelled">The labelled training data and the validation data.</param>
    /// <param name="unlabelled">The unlabelled training images (their masks are not read), e.g. from <see cref="DatasetSplits.LabelledUnlabelled"/>.</param>
    /// <param name="options">The recipe's options (null: Hung et al.'s defaults).</param>
    /// <param name="loss">S's supervised loss on labelled batches (null: cross-entropy); the recipe adds the adversarial terms.</param>
    /// <param name="discriminatorOptimizer">D's optimizer (null: <see cref="SemiSupervisedRecipeOptions.DiscriminatorOptimizer"/>).</param>
    /// <param name="discriminatorScheduler">D's LR schedule, or null.</param>
    /// <exception cref="ModelCompatibilityException">When D does not judge S's maps or S does not fit the data's classes.</exception>
    /// <exception cref="LossConfigurationException">When the loss needs what the recipe does not give or has its own adversarial term.</exception>
    /// <exception cref="ArgumentException">When the unlabelled data has other classes, or an option is out of range.</exception>
    public SemiSupervisedRecipe(SegmentationModel segmenter, Optimizer optimizer, LRScheduler? scheduler, Discriminator discriminator,
                                SegmentationData labelled, DataLoader unlabelled, SemiSupervisedRecipeOptions? options = null,
                                LossExpression? loss = null, Optimizer? discriminatorOptimizer = null, LRScheduler? discriminatorScheduler = null)
        : base("semi", "G", segmenter, optimizer, scheduler, labelled)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(unlabelled);
        Options = options ?? new SemiSupervisedRecipeOptions();
        Options.Validate();
        discriminator.CheckCompatible(segmenter);
        if (unlabelled.Dataset.Classes.Count != labelled.Classes.Count)
            throw new ArgumentException($"The unlabelled data ({unlabelled.Dataset.Name}) has {unlabelled.Dataset.Classes.Count} classes but the labelled data has {labelled.Classes.Count}: split one dataset with DatasetSplits.LabelledUnlabelled.", nameof(unlabelled));
        _unlabelled = new StepStream(unlabelled);
        Loss = loss ?? SegGanLab.Losses.Loss.CrossEntropy();
        if (Loss.Terms.FirstOrDefault(GanLosses.IsAdversarial) is { Term: { } own })
            throw new LossConfigurationException($"the semi recipe adds Hung et al.'s adversarial terms itself (weights LambdaAdv and LambdaSemiAdv): remove '{own.Name}' from the segmenter's loss");
        Loss.Validate(SegmenterSetup());
        _adversarial = Options.LambdaAdv * ConfidenceMapLoss.Generator("adv");
        _semiAdversarial = Options.LambdaSemiAdv * ConfidenceMapLoss.Generator("semi_adv");
        LossTerm pseudo = segmenter.NumClasses == 1 ? SegGanLab.Losses.Loss.Bce : SegGanLab.Losses.Loss.CrossEntropy();
        _semiCrossEntropy = Options.LambdaSemi * pseudo.Named("semi_ce");
        _discriminatorFake = 0.5 * ConfidenceMapLoss.Fake();     // AdvSemiSeg halves each side of D's loss
        _discriminatorReal = 0.5 * ConfidenceMapLoss.Real();
        _critic = new DiscriminatorTrainer(State, discriminator, discriminatorOptimizer ?? Options.DiscriminatorOptimizer(discriminator), discriminatorScheduler, 1);
    }

    /// <summary>The recipe's options.</summary>
    public SemiSupervisedRecipeOptions Options { get; }

    /// <summary>The discriminator.</summary>
    public Discriminator Discriminator => _critic.Model;

    /// <summary>The unlabelled training images.</summary>
    public DataLoader Unlabelled => _unlabelled.Loader;

    /// <summary>S's supervised loss on labelled batches; a callback may change it between steps.</summary>
    public LossExpression Loss { get; set; }

    /// <inheritdoc/>
    public override void Start(long completedSteps, CancellationToken cancellation)
    {
        base.Start(completedSteps, cancellation);
        if (Options.UsesUnlabelled) _unlabelled.Start(Options.UnlabelledBatchesBy(completedSteps), cancellation);
    }

    /// <inheritdoc/>
    public override void Step(StepContext step)
    {
        UnlabelledBatch? unlabelled = null;
        try
        {
            Batch batch;
            Tensor fake;
            using (_critic.Freeze())
            {
                if (Options.UnlabelledBatchesBy(step.Step) > Options.UnlabelledBatchesBy(step.Step - 1)) unlabelled = PrepareUnlabelled(step);
                (batch, fake) = TrainSegmenter(step, unlabelled);
            }
            TrainDiscriminator(step, batch, fake, unlabelled);
        }
        finally
        {
            unlabelled?.Dispose();
        }
    }

    /// <summary>S's update (D is frozen): the labelled batch's loss and adversarial term, and the unlabelled batch's terms.</summary>
    (Batch Batch, Tensor Fake) TrainSegmenter(StepContext step, UnlabelledBatch? unlabelled)
    {
        var ignore = Data.Classes.IgnoreIndex;
        var batch = NextBatch(step);
        var logits = Segmenter.forward(batch.Images);
        var valid = LabelMaps.Valid(batch.Masks, ignore, logits.dtype);
        var fake = Judged(batch.Images, LabelMaps.Probabilities(logits) * valid);
        using var labelled = new LossContext { Logits = logits, Labels = batch.Masks, IgnoreIndex = ignore, Discriminator = Confidence, FakeInput = fake };
        UpdateSegmenter(step, () =>
        {
            var parts = new List<LossResult> { (Loss + _adversarial).Evaluate(labelled) };
            if (unlabelled is not null) parts.Add(_semiAdversarial.Evaluate(unlabelled.Adversarial));
            if (unlabelled?.PseudoLabels is { } pseudo) parts.Add(_semiCrossEntropy.Evaluate(pseudo));
            return parts;
        }, idle: ["semi_adv", "semi_ce"]);
        return (batch, fake);
    }

    /// <summary>D's update: the ground truth as real; the labelled (and with D_remain the unlabelled) predictions as fake.</summary>
    void TrainDiscriminator(StepContext step, Batch batch, Tensor fake, UnlabelledBatch? unlabelled)
    {
        var ignore = Data.Classes.IgnoreIndex;
        var real = Judged(batch.Images, LabelMaps.OneHot(batch.Masks, Segmenter.NumClasses, ignore, fake.dtype));
        var fakes = fake.detach();
        var fakeLabels = batch.Masks;
        if (unlabelled is not null && Options.DiscriminatorOnUnlabelled)
        {
            // Unlabelled predictions are fake at every pixel: their labels only have to differ from the ignore index.
            fakes = cat([fakes, unlabelled.Adversarial.FakeInput!.detach()], 0);
            fakeLabels = cat([fakeLabels, zeros_like(unlabelled.Labels)], 0);
        }
        _critic.Train(step, () =>
        {
            using var onFakes = new LossContext { Discriminator = Confidence, FakeInput = fakes, Labels = fakeLabels, IgnoreIndex = ignore };
            using var onReals = new LossContext { Discriminator = Confidence, RealInput = real, Labels = batch.Masks, IgnoreIndex = ignore };
            return [_discriminatorFake.Evaluate(onFakes), _discriminatorReal.Evaluate(onReals)];
        });
    }

    /// <summary>The unlabelled batch's contexts: its adversarial term's, and from semi_start its pseudo-labels'.</summary>
    UnlabelledBatch PrepareUnlabelled(StepContext step)
    {
        var batch = _unlabelled.Next(step);
        var logits = Segmenter.forward(batch.Images);
        var adversarial = new LossContext { Discriminator = Confidence, FakeInput = Judged(batch.Images, LabelMaps.Probabilities(logits)) };
        if (Options.LambdaSemi <= 0 || step.Step <= Options.SemiStart) return new UnlabelledBatch(adversarial, null, batch.Masks);
        using var scope = NewDisposeScope();
        var confident = adversarial.FakeScores.detach().sigmoid().squeeze(1).ge(Options.MaskThreshold);
        var ratio = confident.to(ScalarType.Float64).mean().item<double>();
        step.Report("G/semi_ratio", ratio);
        if (ratio == 0) return new UnlabelledBatch(adversarial, null, batch.Masks);   // nothing to learn from (and CE over no pixel is NaN)
        var labels = scope.MoveToOuter(LabelMaps.Predicted(logits.detach()).masked_fill(confident.logical_not(), Data.Classes.IgnoreIndex));
        return new UnlabelledBatch(adversarial, new LossContext { Logits = logits, Labels = labels, IgnoreIndex = Data.Classes.IgnoreIndex }, batch.Masks);
    }

    /// <summary>What D judges: the map, next to the image when D is conditional.</summary>
    Tensor Judged(Tensor images, Tensor map) => Discriminator.ImageChannels == 0 ? map : cat([images, map], 1);

    /// <summary>D's logits as a per-pixel map of its input's size (Hung et al. upsample bilinearly).</summary>
    Tensor Confidence(Tensor input)
    {
        var scores = _critic.Forward(input);
        if (scores.size(2) == input.size(2) && scores.size(3) == input.size(3)) return scores;
        using (scores) return F.interpolate(scores, size: (input.size(2), input.size(3)), mode: UpsampleMode.Bilinear, align_corners: false);
    }

    /// <inheritdoc/>
    public override void Stop()
    {
        base.Stop();
        _unlabelled.Dispose();
    }

    /// <summary>An unlabelled batch's loss contexts and (hidden) labels, for one step.</summary>
    sealed record UnlabelledBatch(LossContext Adversarial, LossContext? PseudoLabels, Tensor Labels) : IDisposable
    {
        public void Dispose()
        {
            Adversarial.Dispose();
            PseudoLabels?.Dispose();
        }
    }
}
