using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// Recipe 5, deblurring (<see cref="DeblurRecipe"/>; DeblurGAN and DeblurGAN-v2): any dataset's images
/// are blurred by synthetic motion (default) or Gaussian kernels, a generator restores them (default
/// DeblurGAN's <c>ResNetGenerator(residualOutput: true)</c>: 9 blocks, instance norm, output = input +
/// G(input)) and a discriminator (<c>PatchGan</c>, unconditional unless built with imageChannels: 3)
/// judges sharp against restored images. Defaults are DeblurGAN-v2's (<see cref="DeblurRecipeOptions"/>:
/// 0.5 x l2 + 0.006 x perceptual + 0.001 x adv, RaGAN-LS); <see cref="DeblurGanV1"/> switches to
/// DeblurGAN's. The perceptual term needs VGG-19 weights (<see cref="PerceptualWeights"/> or
/// <c>SEGGAN_VGG19_WEIGHTS</c>). Evaluations report PSNR and SSIM.
/// </summary>
/// <example><code>
/// Experiment.Deblur().Discriminator(PatchGan).Data(CamVid(path).Crop(128, 128)).PerceptualWeights("vgg19_features.safetensors").Run();
/// </code></example>
public sealed class DeblurExperiment : GanExperimentBuilder<DeblurExperiment, DeblurRecipeOptions>
{
    internal DeblurExperiment(ExperimentSettings settings, DeblurRecipeOptions options) : base(settings, options) { }

    private protected override DeblurExperiment With(ExperimentSettings settings, DeblurRecipeOptions options) => new(settings, options);

    private protected override string RecipeName => "deblur";

    private protected override string EntryPoint => "Experiment.Deblur()";

    /// <summary>DeblurGAN (v1)'s defaults (<see cref="DeblurRecipeOptions.V1"/>: WGAN-GP with 5 critic steps, adv + 100 x perceptual), keeping the blur and the weights file set so far.</summary>
    public DeblurExperiment DeblurGanV1() => Set(DeblurRecipeOptions.V1 with { Blur = Options.Blur, PerceptualWeights = Options.PerceptualWeights });

    /// <summary>The VGG-19 weights file of the perceptual term (see scripts/export_vgg19_features.py).</summary>
    public DeblurExperiment PerceptualWeights(string path) => Set(Options with { PerceptualWeights = path ?? throw new ArgumentNullException(nameof(path)) });

    /// <summary>The weights of the default loss's pixel (l2), perceptual and adversarial terms (null: keep; 0 leaves a term out).</summary>
    public DeblurExperiment LossWeights(double? pixel = null, double? perceptual = null, double? adversarial = null) => Set(Options with
    {
        PixelWeight = pixel ?? Options.PixelWeight,
        PerceptualWeight = perceptual ?? Options.PerceptualWeight,
        AdversarialWeight = adversarial ?? Options.AdversarialWeight,
    });

    /// <summary>
    /// Camera-shake motion blur (the default), with paths of <paramref name="minLength"/>..<paramref name="maxLength"/>
    /// pixels in a <paramref name="kernelSize"/> kernel (null: keep; lengths that do not fit a smaller kernel shrink to it).
    /// </summary>
    public DeblurExperiment MotionBlur(int? kernelSize = null, double? minLength = null, double? maxLength = null) =>
        Set(Options with { Blur = Kernel(BlurKind.Motion, kernelSize, minLength, maxLength) });

    /// <summary>Defocus-like Gaussian blur with σ in <paramref name="minSigma"/>..<paramref name="maxSigma"/> pixels in a <paramref name="kernelSize"/> kernel (null: keep).</summary>
    public DeblurExperiment GaussianBlur(int? kernelSize = null, double? minSigma = null, double? maxSigma = null) =>
        Set(Options with
        {
            Blur = Kernel(BlurKind.Gaussian, kernelSize, null, null) with { MinSigma = minSigma ?? Options.Blur.MinSigma, MaxSigma = maxSigma ?? Options.Blur.MaxSigma },
        });

    /// <summary>The blur of <paramref name="kind"/> in a kernel of <paramref name="kernelSize"/>; unset motion lengths shrink to fit it.</summary>
    BlurOptions Kernel(BlurKind kind, int? kernelSize, double? minLength, double? maxLength)
    {
        var blur = Options.Blur;
        var size = kernelSize ?? blur.KernelSize;
        var longest = maxLength ?? Math.Min(blur.MaxLength, size - 1);
        return blur with { Kind = kind, KernelSize = size, MaxLength = longest, MinLength = minLength ?? Math.Min(blur.MinLength, longest) };
    }

    private protected override IReadOnlyList<ModelRole> Roles =>
    [
        new("G", "generator", ["generator"], typeof(ImageModel), _ => new ChannelPlan(InChannels: 3, OutChannels: 3), ModelSpec.ResNetGenerator(residualOutput: true)),
        new("D", "discriminator", ["discriminator"], typeof(Discriminator), _ => new ChannelPlan(ImageChannels: 0, LabelChannels: 3)),
    ];

    private protected override LossExpression DefaultLoss => Options.GeneratorLoss();

    static readonly LossInputs Scores = LossInputs.FakeScores | LossInputs.RealScores | LossInputs.Discriminator;

    private protected override LossInputs ProvidedInputs => Scores | LossInputs.OutputImage | LossInputs.TargetImage;

    // DeblurGAN trains both networks with Adam 1e-4, β1 0.5: the record's discriminator settings.
    private protected override OptimizerSpec DefaultOptimizer(string role) => RecordDiscriminatorOptimizer;

    private protected override DeblurRecipeOptions Scaled(double scale) => Options;

    private protected override void CheckRecipe(BuildState state, ProblemList problems)
    {
        var generator = (ImageModel)state.Models["G"];
        var discriminator = (Discriminator)state.Models["D"];
        // A generator that is not RGB to RGB was reported with the channel checks.
        if (generator.InChannels == 3 && generator.OutChannels == 3) problems.Try("Discriminator", () => discriminator.CheckCompatible(generator));
        CheckLosses(state.Loss, new LossSetup(ProvidedInputs), new LossSetup(Scores), problems);
    }

    private protected override IEnumerable<OptionValue> RecipeEntries(double scale) =>
        [.. base.RecipeEntries(scale), .. RecordEntries.Of("deblur.blur", Options.Blur, new BlurOptions())];

    private protected override Recipe CreateRecipe(BuiltExperiment built) =>
        new DeblurRecipe((ImageModel)built.Models["G"], built.Optimizers["G"], built.Schedulers.GetValueOrDefault("G"), (Discriminator)built.Models["D"],
                         built.Loaders, Scaled(built.Scale), built.Loss, built.DiscriminatorLoss, built.Optimizers["D"], built.Schedulers.GetValueOrDefault("D"));
}
