using SegGanLab.Losses;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// The options of <see cref="GanAugmentedRecipe"/> (recipe "gan-augmented"). The pair GAN takes
/// DCGAN's defaults (Radford et al. 2016: Adam lr 2e-4, β1 0.5 for both networks, the original
/// non-saturating objective); the augmentation schedule is ours: half as many synthetic samples as
/// real ones from step 1000, once the generator makes recognisable pairs.
/// </summary>
public sealed record GanAugmentedRecipeOptions : GanRecipeOptions
{
    /// <summary>The defaults: <see cref="GanMode.Vanilla"/>, discriminator Adam lr 2e-4, betas (0.5, 0.999) (DCGAN).</summary>
    public GanAugmentedRecipeOptions()
    {
        Mode = GanMode.Vanilla;
        DiscriminatorLearningRate = 2e-4;
        DiscriminatorBeta1 = 0.5;
    }

    /// <summary>Adam's learning rate for the pair generator when no optimizer is given (2e-4, DCGAN).</summary>
    public double GeneratorLearningRate { get; init; } = 2e-4;

    /// <summary>Adam's β1 for the pair generator when no optimizer is given (0.5, DCGAN).</summary>
    public double GeneratorBeta1 { get; init; } = 0.5;

    /// <summary>Adam's β2 for the pair generator when no optimizer is given (0.999).</summary>
    public double GeneratorBeta2 { get; init; } = 0.999;

    /// <summary>Synthetic samples per real sample in the segmenter's batches once augmentation starts (0.5: half a batch more).</summary>
    public double SyntheticRatio { get; init; } = 0.5;

    /// <summary>The first step whose segmenter batch includes synthetic samples (1000); earlier steps train on real data only.</summary>
    public long AugmentStart { get; init; } = 1000;

    /// <summary>Generated pairs written with each evaluation as <c>synthetic-k.png</c> and <c>synthetic-mask-k.png</c> (0: none).</summary>
    public int SyntheticSamples { get; init; } = 4;

    /// <summary>The default pair-generator loss: the adversarial term under <see cref="GanRecipeOptions.Mode"/>.</summary>
    public LossExpression GeneratorLoss() => new AdversarialLoss(Mode);

    /// <summary>The default pair-generator optimizer: Adam with <see cref="GeneratorLearningRate"/> and the betas.</summary>
    public Optimizer GeneratorOptimizer(nn.Module generator) =>
        optim.Adam(generator.parameters(), GeneratorLearningRate, (GeneratorBeta1, GeneratorBeta2));

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        const string name = nameof(GanAugmentedRecipeOptions);
        OptionChecks.Positive($"{name}.{nameof(GeneratorLearningRate)}", GeneratorLearningRate);
        OptionChecks.Fraction($"{name}.{nameof(GeneratorBeta1)}", GeneratorBeta1, openAtOne: true);
        OptionChecks.Fraction($"{name}.{nameof(GeneratorBeta2)}", GeneratorBeta2, openAtOne: true);
        OptionChecks.NonNegative($"{name}.{nameof(SyntheticRatio)}", SyntheticRatio);
        OptionChecks.AtLeast($"{name}.{nameof(AugmentStart)}", AugmentStart, 0);
        OptionChecks.AtLeast($"{name}.{nameof(SyntheticSamples)}", SyntheticSamples, 0);
    }
}
