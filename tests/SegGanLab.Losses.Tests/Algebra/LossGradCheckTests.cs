using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Algebra;

/// <summary>
/// Finite-difference checks of the gradients of the losses composed in C# (not taken whole from
/// LibTorch), alone and summed in an expression.
/// </summary>
public class LossGradCheckTests
{
    static readonly Tensor Labels = tensor(new long[] { 0, 1, 2, 255, 1, 1, 0, 2, 2, 255, 0, 1 }, [1, 3, 4]).DetachFromDisposeScope();
    static readonly Tensor BinaryLabels = tensor(new long[] { 0, 1, 1, 255, 1, 0, 0, 1, 1, 255, 0, 1 }, [1, 3, 4]).DetachFromDisposeScope();

    static Tensor Logits(long channels, ulong seed)
    {
        using var g = new Generator(seed);
        return randn([1, channels, 3, 4], float64, generator: g);
    }

    public static TheoryData<string> Terms => new(["dice", "jaccard", "tversky", "focal", "lovasz", "bce", "dice_binary", "focal_binary", "expression"]);

    [Theory]
    [MemberData(nameof(Terms))]
    public void Gradient_MatchesFiniteDifferences(string name)
    {
        using var scope = NewDisposeScope();
        var (loss, binary) = name switch
        {
            "dice" => (new DiceLoss(smooth: 0.5, ignoreIndex: 255), false),
            "jaccard" => (new JaccardLoss(logLoss: true, ignoreIndex: 255), false),
            "tversky" => (new TverskyLoss(alpha: 0.3, beta: 0.7, gamma: 1.3, ignoreIndex: 255, classWeights: [1, 2, 0.5]), false),
            "focal" => (new FocalLoss(gamma: 2, alpha: 0.25, ignoreIndex: 255), false),
            "lovasz" => (new LovaszSoftmaxLoss(ignoreIndex: 255), false),
            "bce" => (new SoftBceLoss(0.1, 2.0, 255), true),
            "dice_binary" => (new DiceLoss(ignoreIndex: 255), true),
            "focal_binary" => (new FocalLoss(gamma: 1.5, ignoreIndex: 255), true),
            _ => ((LossExpression)(Loss.CrossEntropy([1, 2, 1]) + 0.5 * Loss.Dice + 0.3 * Loss.Lovasz + 2 * new TverskyLoss(gamma: 2)), false),
        };
        var labels = binary ? BinaryLabels : Labels;
        GradCheck.Check(x =>
        {
            using var ctx = new LossContext { Logits = x[0], Labels = labels, IgnoreIndex = 255 };
            return loss.Evaluate(ctx).Total;
        }, [Logits(binary ? 1 : 3, 11)], what: name);
    }

    [Fact]
    public void RelativisticGeneratorLoss_MatchesFiniteDifferences()
    {
        using var scope = NewDisposeScope();
        var gan = GanLoss.For(GanMode.RaLsGan);
        GradCheck.Check(x => gan.GeneratorLoss(x[0], x[1]) + gan.RealLoss(x[1], x[0]) + gan.FakeLoss(x[0], x[1]),
                        [Logits(1, 5), Logits(1, 6)], what: "RaGAN-LS");
    }
}
