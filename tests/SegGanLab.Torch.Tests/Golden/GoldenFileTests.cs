using Xunit;

using SegGanLab.Tests.Golden;

namespace SegGanLab.Torch.Tests.Golden;

public class GoldenFileTests
{
    /// <summary>The cases the tensor-layer tests read; a renamed or dropped case should fail here, by name.</summary>
    public static TheoryData<string> TensorLayerCases => new()
    {
        "conv2d", "conv2d_dilated_groups", "conv_transpose2d", "linear", "batch_norm_train", "batch_norm_eval",
        "instance_norm", "group_norm", "layer_norm", "max_pool2d_indices", "max_unpool2d", "avg_pool2d",
        "adaptive_avg_pool2d", "interpolate_bilinear", "softmax_log_softmax", "cross_entropy", "cross_entropy_smoothing",
        "nll_loss", "bce", "bce_with_logits", "mse", "l1", "smooth_l1", "activations", "reductions", "wgan_gp_grad",
    };

    [Theory]
    [MemberData(nameof(TensorLayerCases))]
    public void GoldenFile_HasTheCase_WithEveryStoredTensorConsistentWithItsShape(string name)
    {
        var c = GoldenData.Case(name);
        foreach (var t in c.InputNames.Select(c.InputData).Concat(c.OutputNames.Select(c.Output)))
        {
            var count = t.Shape.Aggregate(1L, (a, b) => a * b);
            var length = t.DType switch
            {
                ScalarType.Int64 => t.Longs.Length,
                ScalarType.Bool => t.Bools.Length,
                _ => t.Doubles.Length,
            };
            Assert.True(count == length, $"{name}.{t.Name}: shape [{string.Join(", ", t.Shape)}] but {length} values");
        }
    }
}
