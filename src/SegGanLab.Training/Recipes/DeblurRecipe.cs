using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Metrics;
using SegGanLab.Models;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// Recipe 5, deblurring ("deblur"; DeblurGAN and DeblurGAN-v2): any dataset's images, taken to
/// [-1, 1], are blurred by a synthetic kernel per sample and epoch (<see cref="SyntheticBlur"/>), a
/// generator restores them (<see cref="Models.Models.ResNetGenerator"/> with residualOutput: true is
/// DeblurGAN's), and a discriminator (PatchGAN, unconditional as DeblurGAN's, or conditioned on the
/// blurred image) judges sharp against restored images. The generator's loss combines the
/// adversarial term with pixel (<c>l2</c>) and perceptual terms (<see cref="DeblurRecipeOptions"/>:
/// DeblurGAN-v2's by default). Evaluation reports PSNR and SSIM of the restored validation images
/// (blurred with a fixed kernel each), and writes blurred / restored / sharp samples.
/// </summary>
public sealed class DeblurRecipe : Recipe
{
    readonly ImageModel _generator;
    readonly Optimizer _optimizer;
    readonly LRScheduler? _scheduler;
    readonly DiscriminatorTrainer _critic;
    readonly StepStream _stream;

    /// <summary>A deblurring recipe; it owns (and disposes) the models, optimizers and schedulers.</summary>
    /// <param name="generator">G: blurred RGB images in [-1, 1] to restored ones.</param>
    /// <param name="optimizer">G's optimizer (DeblurGAN: Adam lr 1e-4, β1 0.5).</param>
    /// <param name="scheduler">G's LR schedule (stepped once per step), or null.</param>
    /// <param name="discriminator">D: judges RGB images (labelChannels: 3), unconditional (imageChannels: 0) or given the blurred image (imageChannels: 3).</param>
    /// <param name="data">The images (their masks are not read): training and validation loaders.</param>
    /// <param name="options">The recipe's options (null: DeblurGAN-v2's; <see cref="DeblurRecipeOptions.V1"/> for DeblurGAN's).</param>
    /// <param name="loss">G's loss (null: <see cref="DeblurRecipeOptions.GeneratorLoss"/>).</param>
    /// <param name="discriminatorLoss">D's loss (null: <see cref="GanRecipeOptions.DiscriminatorLoss"/>).</param>
    /// <param name="discriminatorOptimizer">D's optimizer (null: <see cref="GanRecipeOptions.DiscriminatorOptimizer"/>).</param>
    /// <param name="discriminatorScheduler">D's LR schedule, or null.</param>
    /// <exception cref="ModelCompatibilityException">When G does not map RGB to RGB or D does not judge G's output.</exception>
    /// <exception cref="LossConfigurationException">When a loss needs what the recipe does not give (e.g. VGG-19 weights for the perceptual term), lacks an adversarial term, or the GAN modes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public DeblurRecipe(ImageModel generator, Optimizer optimizer, LRScheduler? scheduler, Discriminator discriminator, SegmentationData data,
                        DeblurRecipeOptions? options = null, LossExpression? loss = null, LossExpression? discriminatorLoss = null,
                        Optimizer? discriminatorOptimizer = null, LRScheduler? discriminatorScheduler = null)
        : base("deblur")
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(data);
        Options = options ?? new DeblurRecipeOptions();
        Options.Validate();
        if (generator.InChannels != 3 || generator.OutChannels != 3)
            throw new ModelCompatibilityException($"{generator.Name} maps {generator.InChannels} to {generator.OutChannels} channels but deblurring restores RGB images: create it with inChannels: 3, outChannels: 3.");
        discriminator.CheckCompatible(generator);
        (_generator, _optimizer, _scheduler, Data) = (generator, optimizer, scheduler, data);
        Blur = new SyntheticBlur(Options.Blur);
        _stream = new StepStream(data.Train);
        var penalty = RecipeRandom.Create();
        State.Generators["gp"] = penalty;
        Loss = loss ?? Options.GeneratorLoss();
        DiscriminatorLoss = discriminatorLoss ?? Options.DiscriminatorLoss(penalty);
        var gan = LossInputs.FakeScores | LossInputs.RealScores | LossInputs.Discriminator;
        GanLosses.Validate(Name, Loss, new LossSetup(gan | LossInputs.OutputImage | LossInputs.TargetImage), DiscriminatorLoss, new LossSetup(gan));
        State.Add("G", generator, optimizer, scheduler);
        _critic = new DiscriminatorTrainer(State, discriminator, discriminatorOptimizer ?? Options.DiscriminatorOptimizer(discriminator),
                                           discriminatorScheduler, Options.DiscriminatorSteps);
    }

    /// <summary>The recipe's options.</summary>
    public DeblurRecipeOptions Options { get; }

    /// <summary>The images.</summary>
    public SegmentationData Data { get; }

    /// <summary>How the inputs are blurred.</summary>
    public SyntheticBlur Blur { get; }

    /// <summary>The generator.</summary>
    public ImageModel Generator => _generator;

    /// <summary>The discriminator.</summary>
    public Discriminator Discriminator => _critic.Model;

    /// <summary>G's loss; a callback may change it between steps.</summary>
    public LossExpression Loss { get; set; }

    /// <summary>D's loss; a callback may change it between steps.</summary>
    public LossExpression DiscriminatorLoss { get; set; }

    /// <inheritdoc/>
    public override string PrimaryMetric => MetricNames.Psnr;

    /// <inheritdoc/>
    public override double StepsPerEpoch => Data.Train.BatchesPerEpoch;

    /// <inheritdoc/>
    public override void Start(long completedSteps, CancellationToken cancellation)
    {
        _stream.Start(completedSteps, cancellation);
        _generator.train();
        Discriminator.train();
    }

    /// <inheritdoc/>
    public override void Step(StepContext step)
    {
        var batch = _stream.Next(step);
        var (sharp, blurred) = Pair(batch, Data.Train, batch.Position.Epoch);
        var restored = _generator.forward(blurred);
        var real = Judged(blurred, sharp);
        var fake = Judged(blurred, restored);
        _critic.Train(step, real, fake, DiscriminatorLoss);
        using var frozen = _critic.Freeze();
        step.GeneratorStep(() =>
        {
            _optimizer.zero_grad();
            using var context = new LossContext { Output = restored, Target = sharp, Discriminator = _critic.Forward, RealInput = real, FakeInput = fake };
            var loss = Loss.Evaluate(context);
            step.Report("G", loss);
            loss.Total.backward();
            _optimizer.step();
            _scheduler?.step();
        });
    }

    /// <summary>PSNR and SSIM (images in [0, 1]) of the restored validation images, each blurred with its fixed validation kernel, and the first samples.</summary>
    public override Evaluation Evaluate(CancellationToken cancellation)
    {
        if (Data.Validation is not { } loader) return new Evaluation { Metrics = new Dictionary<string, double>() };
        var wasTraining = _generator.training;
        _generator.eval();
        var metrics = new RestorationMetrics(dataRange: 1);
        var samples = new List<EvaluationSample>();
        try
        {
            using var grad = no_grad();
            foreach (var batch in loader.Epoch(0, cancellation: cancellation))
            {
                using var scope = NewDisposeScope();
                using (batch)
                {
                    // Validation kernels use stream -1: the same blur at every evaluation.
                    var (sharp, blurred) = Pair(batch, loader, -1);
                    var restored = _generator.forward(blurred);
                    metrics.Update((restored + 1) / 2, (sharp + 1) / 2);
                    for (var k = 0; k < batch.Count && samples.Count < Data.Samples; k++)
                        samples.Add(new EvaluationSample([
                            new("blurred", Normalization.Symmetric.ToImage(blurred[k])),
                            new("restored", Normalization.Symmetric.ToImage(restored[k])),
                            new("sharp", Normalization.Symmetric.ToImage(sharp[k])),
                        ]));
                }
            }
        }
        finally
        {
            _generator.train(wasTraining);
        }
        return new Evaluation { Metrics = metrics.Summary, Samples = samples };
    }

    /// <summary>The batch's images in [-1, 1] and their blurred copies (kernels keyed by the loader's seed, <paramref name="stream"/> and each sample's index).</summary>
    (Tensor Sharp, Tensor Blurred) Pair(Batch batch, DataLoader loader, long stream)
    {
        var sharp = ImageRanges.ToSymmetric(batch.Images, loader.Transforms.Normalization);
        return (sharp, Blur.Apply(sharp, batch.Indices, loader.Options.Seed, stream));
    }

    /// <summary>What D judges: the image, after the blurred input when D is conditional.</summary>
    Tensor Judged(Tensor blurred, Tensor image) => Discriminator.ImageChannels == 0 ? image : cat([blurred, image], 1);

    /// <inheritdoc/>
    public override void Stop() => _stream.Dispose();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Loss.Dispose();
            DiscriminatorLoss.Dispose();
        }
        base.Dispose(disposing);
    }
}
