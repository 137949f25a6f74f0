using SegGanLab.Models;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// The options of <see cref="SemiSupervisedRecipe"/> (recipe "semi"), with the defaults of Hung et
/// al. 2018 (hfslyc/AdvSemiSeg, train.py and its README's command for 1/8 of the labels).
/// </summary>
public sealed record SemiSupervisedRecipeOptions
{
    /// <summary>λ_adv: the weight of the adversarial term <c>adv</c> on labelled batches (0.01, the README's runs; the code's default is 0.1).</summary>
    public double LambdaAdv { get; init; } = 0.01;

    /// <summary>λ_semi_adv: the weight of the adversarial term <c>semi_adv</c> on unlabelled batches (0.001).</summary>
    public double LambdaSemiAdv { get; init; } = 0.001;

    /// <summary>λ_semi: the weight of <c>semi_ce</c>, the cross-entropy on confident pseudo-labels of unlabelled batches (0.1).</summary>
    public double LambdaSemi { get; init; } = 0.1;

    /// <summary>mask_T: pixels whose confidence sigmoid(D(softmax)) is at least this become pseudo-labels; the others are ignored (0.2).</summary>
    public double MaskThreshold { get; init; } = 0.2;

    /// <summary>
    /// semi_start: steps before <c>semi_ce</c> starts (5000 of Hung et al.'s 20,000; the discriminator must
    /// first learn to judge). Scale it with the run: a quarter of the steps keeps the paper's proportion.
    /// </summary>
    public long SemiStart { get; init; } = 5000;

    /// <summary>semi_start_adv: steps before unlabelled batches are used at all (0, AdvSemiSeg's default: <c>semi_adv</c> from the start).</summary>
    public long SemiAdversarialStart { get; init; }

    /// <summary>D_remain: the discriminator also learns that predictions on unlabelled images are fake (true, AdvSemiSeg's default).</summary>
    public bool DiscriminatorOnUnlabelled { get; init; } = true;

    /// <summary>Adam's learning rate for the discriminator when no optimizer is given (1e-4).</summary>
    public double DiscriminatorLearningRate { get; init; } = 1e-4;

    /// <summary>Adam's β1 for the discriminator when no optimizer is given (0.9).</summary>
    public double DiscriminatorBeta1 { get; init; } = 0.9;

    /// <summary>Adam's β2 for the discriminator when no optimizer is given (0.99).</summary>
    public double DiscriminatorBeta2 { get; init; } = 0.99;

    /// <summary>The default discriminator optimizer: Adam with <see cref="DiscriminatorLearningRate"/> and the betas.</summary>
    public Optimizer DiscriminatorOptimizer(Discriminator discriminator) =>
        optim.Adam(discriminator.parameters(), DiscriminatorLearningRate, (DiscriminatorBeta1, DiscriminatorBeta2));

    /// <summary>True when unlabelled batches are used at all (some unlabelled weight is positive).</summary>
    public bool UsesUnlabelled => LambdaSemiAdv > 0 || LambdaSemi > 0;

    /// <summary>Unlabelled batches taken by the end of step <paramref name="step"/> (one per step from <see cref="SemiAdversarialStart"/>).</summary>
    public long UnlabelledBatchesBy(long step) => UsesUnlabelled ? Math.Max(0, step - SemiAdversarialStart) : 0;

    /// <summary>Checks every value; the exception names the option at fault.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value out of its range.</exception>
    public void Validate()
    {
        const string name = nameof(SemiSupervisedRecipeOptions);
        OptionChecks.NonNegative($"{name}.{nameof(LambdaAdv)}", LambdaAdv);
        OptionChecks.NonNegative($"{name}.{nameof(LambdaSemiAdv)}", LambdaSemiAdv);
        OptionChecks.NonNegative($"{name}.{nameof(LambdaSemi)}", LambdaSemi);
        OptionChecks.Fraction($"{name}.{nameof(MaskThreshold)}", MaskThreshold);
        OptionChecks.AtLeast($"{name}.{nameof(SemiStart)}", SemiStart, 0);
        OptionChecks.AtLeast($"{name}.{nameof(SemiAdversarialStart)}", SemiAdversarialStart, 0);
        OptionChecks.Positive($"{name}.{nameof(DiscriminatorLearningRate)}", DiscriminatorLearningRate);
        OptionChecks.Fraction($"{name}.{nameof(DiscriminatorBeta1)}", DiscriminatorBeta1, openAtOne: true);
        OptionChecks.Fraction($"{name}.{nameof(DiscriminatorBeta2)}", DiscriminatorBeta2, openAtOne: true);
    }
}
