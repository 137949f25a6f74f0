using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Segmentation;

/// <summary>
/// Every segmentation loss against the smp-style reference implementations of
/// make_losses_golden.py: the value and the gradient with respect to the logits.
/// </summary>
public class SegmentationGoldenTests
{
    static SegmentationMode Mode(GoldenCase c) => c.String("mode") == "binary" ? SegmentationMode.Binary : SegmentationMode.Multiclass;

    static readonly Dictionary<string, Func<GoldenCase, SegmentationLoss>> Losses = new()
    {
        ["ce_plain"] = c => new CrossEntropyLoss(),
        ["ce_weighted_ignore_smoothing"] = c => new CrossEntropyLoss(c.OptionalDoubles("weights"), c.OptionalLong("ignore_index"), c.Double("label_smoothing")),
        ["dice_multiclass"] = Dice,
        ["dice_multiclass_ignore_smooth_weights"] = Dice,
        ["dice_multiclass_log_loss"] = Dice,
        ["dice_multiclass_probabilities"] = Dice,
        ["dice_binary_ignore"] = Dice,
        ["dice_binary_channel_labels"] = Dice,
        ["jaccard_multiclass_ignore"] = c => new JaccardLoss(Mode(c), smooth: c.OptionalDouble("smooth", 0), ignoreIndex: c.OptionalLong("ignore_index")),
        ["jaccard_binary"] = c => new JaccardLoss(Mode(c), smooth: c.OptionalDouble("smooth", 0), ignoreIndex: c.OptionalLong("ignore_index")),
        ["tversky_multiclass"] = Tversky,
        ["tversky_binary"] = Tversky,
        ["focal_multiclass_ignore"] = Focal,
        ["focal_multiclass_alpha"] = Focal,
        ["focal_binary_ignore"] = Focal,
        ["lovasz_ignore"] = c => new LovaszSoftmaxLoss(c.Bool("per_image"), c.OptionalLong("ignore_index")),
        ["lovasz_per_image"] = c => new LovaszSoftmaxLoss(c.Bool("per_image"), c.OptionalLong("ignore_index")),
        ["soft_bce_smooth_ignore"] = Bce,
        ["soft_bce_plain"] = Bce,
    };

    static SegmentationLoss Dice(GoldenCase c) => new DiceLoss(Mode(c), fromLogits: !c.Params.TryGetProperty("from_logits", out var f) || f.GetBoolean(),
        smooth: c.OptionalDouble("smooth", 0), logLoss: c.Params.TryGetProperty("log_loss", out var l) && l.GetBoolean(),
        ignoreIndex: c.OptionalLong("ignore_index"), classWeights: c.OptionalDoubles("class_weights"));

    static SegmentationLoss Tversky(GoldenCase c) => new TverskyLoss(Mode(c), c.Double("alpha"), c.Double("beta"), c.Double("gamma"),
        ignoreIndex: c.OptionalLong("ignore_index"));

    static SegmentationLoss Focal(GoldenCase c) => new FocalLoss(Mode(c), c.Double("gamma"),
        c.Params.TryGetProperty("alpha", out var a) ? a.GetDouble() : null, c.OptionalLong("ignore_index"));

    static SegmentationLoss Bce(GoldenCase c) => new SoftBceLoss(c.Double("smooth_factor"),
        c.Params.TryGetProperty("pos_weight", out var w) ? w.GetDouble() : null, c.OptionalLong("ignore_index"));

    public static TheoryData<string> Cases => new(Losses.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_ValueAndLogitGradient_MatchReference(string name)
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case(name);
        var logits = c.Input("logits", requiresGrad: true);
        var loss = Losses[name](c).Forward(logits, c.Input("labels"));
        GoldenAssert.Matches(c, "loss", loss);
        loss.backward();
        GoldenAssert.Matches(c, "grad_logits", logits.grad);
    }

    [Fact]
    public void ContextIgnoreIndex_AppliesToTermsWithoutTheirOwn()
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case("dice_binary_ignore");
        using var ctx = new LossContext { Logits = c.Input("logits"), Labels = c.Input("labels"), IgnoreIndex = c.Long("ignore_index") };
        using var result = Loss.Dice.Evaluate(ctx);
        GoldenAssert.Matches(c, "loss", result.Total);
    }

    [Fact]
    public void IgnoredPixels_GetExactlyZeroGradient()
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case("dice_multiclass_ignore_smooth_weights");
        var logits = c.Input("logits", requiresGrad: true);
        var labels = c.Input("labels");
        (Loss.Dice + Loss.Focal + Loss.Lovasz + Loss.CrossEntropy()).Evaluate(new LossContext { Logits = logits, Labels = labels, IgnoreIndex = 255 })
            .Total.backward();
        var ignored = labels.eq(255).unsqueeze(1).expand(logits.shape);
        Assert.True(labels.eq(255).any().item<bool>(), "the fixture must have ignored pixels");
        Assert.Equal(0.0, logits.grad!.masked_select(ignored).abs().sum().item<double>());
    }
}
