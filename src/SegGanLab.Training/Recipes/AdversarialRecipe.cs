using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// Recipe 2, adversarial segmentation ("gan"; pix2pix, Luc et al. 2016): a segmenter S and a
/// discriminator D that judges label maps, next to the image when D is conditional. Real = the
/// one-hot ground truth (softened toward the prediction with the "scaling" encoding), fake = S's
/// class probabilities; ignored pixels are zero in both, so D learns nothing from them. Each step
/// first updates D (n_critic times for WGAN-GP, on fakes passed through the optional image pool),
/// then S on its loss (segmentation terms + weight x adv) through the updated, frozen D.
/// </summary>
/// <example><code>
/// manual_seed(0);
/// var s = Models.UNet(numClasses: 6);
/// var d = Models.PatchGan(imageChannels: 3, labelChannels: 6);
/// using var recipe = new AdversarialRecipe(s, optim.Adam(s.parameters(), 2e-4), null, d, data,
///     new AdversarialRecipeOptions { Mode = GanMode.LsGan }, loss: Loss.Dice + 0.01 * new AdversarialLoss(GanMode.LsGan));
/// var result = new Trainer(recipe, new TrainerOptions { Steps = 600 }, RunWriter.Create("runs", "gan")).Fit();
/// </code></example>
public sealed class AdversarialRecipe : SegmentationRecipe
{
    const string PoolKey = "pool";
    readonly DiscriminatorTrainer _critic;
    readonly ImagePool? _pool;

    /// <summary>
    /// A GAN recipe; it owns (and disposes) the models, optimizers and schedulers. Null losses and
    /// discriminator optimizer take the defaults of <paramref name="options"/>.
    /// </summary>
    /// <param name="segmenter">S: images to class logits.</param>
    /// <param name="optimizer">S's optimizer.</param>
    /// <param name="scheduler">S's LR schedule (stepped once per step), or null.</param>
    /// <param name="discriminator">D: judges label maps (with the image when conditional); it must fit <see cref="AdversarialRecipeOptions.Encoding"/>.</param>
    /// <param name="data">Training and validation data.</param>
    /// <param name="options">The recipe's options (null: the defaults).</param>
    /// <param name="loss">S's loss with its adversarial term (null: <see cref="AdversarialRecipeOptions.SegmenterLoss"/>).</param>
    /// <param name="discriminatorLoss">D's loss (null: <see cref="GanRecipeOptions.DiscriminatorLoss"/> for the mode).</param>
    /// <param name="discriminatorOptimizer">D's optimizer (null: <see cref="GanRecipeOptions.DiscriminatorOptimizer"/>).</param>
    /// <param name="discriminatorScheduler">D's LR schedule, or null.</param>
    /// <exception cref="ModelCompatibilityException">When D does not fit S's maps or S does not fit the data's classes.</exception>
    /// <exception cref="LossConfigurationException">When a loss needs what the recipe does not give, lacks an adversarial term, or the two sides' GAN modes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public AdversarialRecipe(SegmentationModel segmenter, Optimizer optimizer, LRScheduler? scheduler, Discriminator discriminator, SegmentationData data,
                             AdversarialRecipeOptions? options = null, LossExpression? loss = null, LossExpression? discriminatorLoss = null,
                             Optimizer? discriminatorOptimizer = null, LRScheduler? discriminatorScheduler = null)
        : base("gan", "G", segmenter, optimizer, scheduler, data)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        Options = options ?? new AdversarialRecipeOptions();
        Options.Validate();
        LabelEncoder.Check(discriminator, segmenter, Options.Encoding);
        var penalty = RecipeRandom.Create();
        State.Generators["gp"] = penalty;
        Loss = loss ?? Options.SegmenterLoss();
        DiscriminatorLoss = discriminatorLoss ?? Options.DiscriminatorLoss(penalty);
        GanLosses.Validate(Name, Loss, SegmenterSetup(LossInputs.FakeScores | LossInputs.RealScores | LossInputs.Discriminator),
                           DiscriminatorLoss, new LossSetup(LossInputs.FakeScores | LossInputs.RealScores | LossInputs.Discriminator));
        var dOptimizer = discriminatorOptimizer ?? Options.DiscriminatorOptimizer(discriminator);
        State.Modules["D"] = discriminator;
        State.Optimizers["D"] = dOptimizer;
        if (discriminatorScheduler is not null) State.Schedulers["D"] = discriminatorScheduler;
        if (Options.PoolSize > 0)
        {
            var poolRandom = RecipeRandom.Create();
            State.Generators[PoolKey] = poolRandom;
            _pool = new ImagePool(Options.PoolSize, poolRandom);
            State.SaveExtras = () =>
            {
                var extras = new CheckpointExtras();
                _pool.Save(extras, PoolKey);
                return extras;
            };
            State.LoadExtras = extras => _pool.Load(extras, PoolKey);
        }
        _critic = new DiscriminatorTrainer(discriminator, dOptimizer, discriminatorScheduler, Options.DiscriminatorSteps, _pool);
    }

    /// <summary>The recipe's options.</summary>
    public AdversarialRecipeOptions Options { get; }

    /// <summary>The discriminator.</summary>
    public Discriminator Discriminator => _critic.Model;

    /// <summary>S's loss; a callback may change it between steps.</summary>
    public LossExpression Loss { get; set; }

    /// <summary>D's loss; a callback may change it between steps.</summary>
    public LossExpression DiscriminatorLoss { get; set; }

    /// <summary>The fakes held by the image pool (0 without one).</summary>
    public int PoolCount => _pool?.Count ?? 0;

    /// <inheritdoc/>
    public override void Step(StepContext step)
    {
        var batch = NextBatch(step);
        var ignore = Data.Classes.IgnoreIndex;
        var logits = Segmenter.forward(batch.Images);
        var valid = LabelMaps.Valid(batch.Masks, ignore, logits.dtype);
        var probabilities = LabelMaps.Probabilities(logits) * valid;
        var oneHot = LabelMaps.OneHot(batch.Masks, logits.size(1), ignore, logits.dtype);
        var realMap = LabelEncoder.Real(oneHot, probabilities, valid, Options.Encoding, Options.ScalingThreshold);
        var real = LabelEncoder.Input(Discriminator, batch.Images, realMap, Options.Encoding);
        var fake = LabelEncoder.Input(Discriminator, batch.Images, probabilities, Options.Encoding);

        _critic.Train(step, real, fake, DiscriminatorLoss);

        var loss = Options.AdversarialRampSteps > 0 ? GanLosses.Ramp(Loss, (double)step.Step / Options.AdversarialRampSteps) : Loss;
        using var frozen = _critic.Freeze();
        using var context = new LossContext
        {
            Logits = logits, Labels = batch.Masks, IgnoreIndex = ignore,
            Discriminator = _critic.Forward, RealInput = real, FakeInput = fake,
        };
        UpdateSegmenter(step, () => [loss.Evaluate(context)]);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pool?.Dispose();
            Loss.Dispose();
            DiscriminatorLoss.Dispose();
        }
        base.Dispose(disposing);
    }
}
