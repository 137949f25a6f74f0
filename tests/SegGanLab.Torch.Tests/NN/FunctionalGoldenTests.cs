using SegGanLab.Tests.Golden;
using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.NN;

/// <summary>
/// torch.nn.functional ops against PyTorch's numbers in golden.json: forward values, and the
/// gradients of loss = (out * grad_out).sum() with respect to every differentiable input.
/// </summary>
public class FunctionalGoldenTests
{
    delegate Tensor Forward(GoldenCase c, IReadOnlyDictionary<string, Tensor> t);

    sealed record OpCase(string[] Differentiated, Forward Run);

    static readonly Dictionary<string, OpCase> Ops = new()
    {
        ["conv2d"] = new(["x", "weight", "bias"], Conv2d),
        ["conv2d_dilated_groups"] = new(["x", "weight", "bias"], Conv2d),
        ["conv_transpose2d"] = new(["x", "weight", "bias"], (c, t) =>
            F.conv_transpose2d(t["x"], t["weight"], t["bias"], stride: c.Pair("stride"), padding: c.Pair("padding"),
                               output_padding: c.Pair("output_padding"), groups: c.Long("groups"), dilation: c.Pair("dilation"))),
        ["linear"] = new(["x", "weight", "bias"], (c, t) => F.linear(t["x"], t["weight"], t["bias"])),

        ["batch_norm_train"] = new(["x", "weight", "bias"], BatchNorm),
        ["batch_norm_eval"] = new(["x", "weight", "bias"], BatchNorm),
        ["instance_norm"] = new(["x", "weight", "bias"], (c, t) =>
            F.instance_norm(t["x"], weight: t["weight"], bias: t["bias"], use_input_stats: true, eps: c.Double("eps"))),
        ["group_norm"] = new(["x", "weight", "bias"], (c, t) =>
            F.group_norm(t["x"], c.Long("num_groups"), t["weight"], t["bias"], c.Double("eps"))),
        ["layer_norm"] = new(["x", "weight", "bias"], (c, t) =>
            F.layer_norm(t["x"], c.Longs("normalized_shape"), t["weight"], t["bias"], c.Double("eps"))),

        ["max_pool2d_indices"] = new(["x"], (c, t) =>
            F.max_pool2d(t["x"], c.Pair("kernel_size"), c.Pair("stride"), c.Pair("padding"), c.Pair("dilation"), c.Bool("ceil_mode"))),
        ["avg_pool2d"] = new(["x"], (c, t) =>
            F.avg_pool2d(t["x"], c.Pair("kernel_size"), c.Pair("stride"), c.Pair("padding"), c.Bool("ceil_mode"), c.Bool("count_include_pad"))),
        ["adaptive_avg_pool2d"] = new(["x"], (c, t) => F.adaptive_avg_pool2d(t["x"], c.Pair("output_size"))),
        ["interpolate_bilinear"] = new(["x"], (c, t) =>
            F.interpolate(t["x"], size: c.Pair("size"), mode: UpsampleMode.Bilinear, align_corners: c.Bool("align_corners"))),
    };

    static Tensor Conv2d(GoldenCase c, IReadOnlyDictionary<string, Tensor> t) =>
        F.conv2d(t["x"], t["weight"], t["bias"], stride: c.Pair("stride"), padding: c.Pair("padding"), dilation: c.Pair("dilation"), groups: c.Long("groups"));

    static Tensor BatchNorm(GoldenCase c, IReadOnlyDictionary<string, Tensor> t) =>
        F.batch_norm(t["x"], t["running_mean"], t["running_var"], t["weight"], t["bias"],
                     training: c.Bool("training"), momentum: c.Double("momentum"), eps: c.Double("eps"));

    /// <summary>Runs the case's forward, checks "out", back-propagates grad_out and checks every grad_&lt;input&gt;.</summary>
    static void CheckForwardAndBackward(string caseName)
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case(caseName);
        var op = Ops[caseName];
        var t = c.Inputs(op.Differentiated);
        var output = op.Run(c, t);
        GoldenAssert.Matches(c, "out", output);

        (output * t["grad_out"]).sum().backward();
        foreach (var name in op.Differentiated)
            GoldenAssert.Matches(c, "grad_" + name, t[name].grad);
    }

    public static TheoryData<string> ConvolutionCases => new() { "conv2d", "conv2d_dilated_groups", "conv_transpose2d", "linear" };
    public static TheoryData<string> NormalizationCases => new() { "batch_norm_train", "batch_norm_eval", "instance_norm", "group_norm", "layer_norm" };
    public static TheoryData<string> PoolingCases => new() { "max_pool2d_indices", "avg_pool2d", "adaptive_avg_pool2d", "interpolate_bilinear" };

    [Theory]
    [MemberData(nameof(ConvolutionCases))]
    public void ConvolutionAndLinear_OutputAndGradients_MatchPyTorch(string caseName) => CheckForwardAndBackward(caseName);

    [Theory]
    [MemberData(nameof(NormalizationCases))]
    public void Normalization_OutputAndGradients_MatchPyTorch(string caseName) => CheckForwardAndBackward(caseName);

    [Theory]
    [MemberData(nameof(PoolingCases))]
    public void PoolingAndResampling_OutputAndGradients_MatchPyTorch(string caseName) => CheckForwardAndBackward(caseName);

    [Fact]
    public void BatchNormTraining_UpdatesRunningStatisticsInPlace_AsPyTorch()
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("batch_norm_train");
        var t = c.Inputs();
        BatchNorm(c, t);
        GoldenAssert.Matches(c, "running_mean_after", t["running_mean"]);
        GoldenAssert.Matches(c, "running_var_after", t["running_var"]);
    }

    [Fact]
    public void BatchNormEval_LeavesRunningStatisticsUnchanged()
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("batch_norm_eval");
        var t = c.Inputs();
        BatchNorm(c, t);
        GoldenAssert.Close(c.InputData("running_mean"), t["running_mean"], "batch_norm_eval.running_mean", 0);
        GoldenAssert.Close(c.InputData("running_var"), t["running_var"], "batch_norm_eval.running_var", 0);
    }

    [Fact]
    public void MaxPool2dWithIndices_ReturnsPyTorchValuesAndFlatIndices_AndRoutesGradientsToTheMaxima()
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("max_pool2d_indices");
        var x = c.Input("x", requiresGrad: true);
        var (output, indices) = F.max_pool2d_with_indices(x, c.Pair("kernel_size"), c.Pair("stride"), c.Pair("padding"), c.Pair("dilation"), c.Bool("ceil_mode"));
        GoldenAssert.Matches(c, "out", output);
        GoldenAssert.Matches(c, "indices", indices);
        (output * c.Input("grad_out")).sum().backward();
        GoldenAssert.Matches(c, "grad_x", x.grad);
    }

    [Fact]
    public void MaxUnpool2d_ScattersPooledValuesBackToTheirIndices_AsPyTorch()
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("max_unpool2d");
        var x = c.Input("x");
        var (pooled, indices) = F.max_pool2d_with_indices(x, c.Pair("kernel_size"), c.Pair("stride"), c.Pair("padding"));
        GoldenAssert.Matches(c, "pooled", pooled);
        GoldenAssert.Matches(c, "indices", indices);
        GoldenAssert.Matches(c, "unpooled", F.max_unpool2d(pooled, indices, c.Pair("output_size")));
    }

    [Fact]
    public void Interpolate_AlignCornersAndNearestModes_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("interpolate_bilinear");
        var x = c.Input("x");
        Assert.Equal("bilinear", c.String("out_align", "mode"));
        Assert.Equal("nearest", c.String("out_nearest", "mode"));
        GoldenAssert.Matches(c, "out_align", F.interpolate(x, size: c.Pair("size"), mode: UpsampleMode.Bilinear, align_corners: c.Bool("out_align", "align_corners")));
        GoldenAssert.Matches(c, "out_nearest", F.interpolate(x, size: c.Pair("size"), mode: UpsampleMode.Nearest));
    }

    [Fact]
    public void SoftmaxAndLogSoftmax_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("softmax_log_softmax");
        var x = c.Input("x");
        GoldenAssert.Matches(c, "softmax", F.softmax(x, c.Long("dim")));
        GoldenAssert.Matches(c, "log_softmax", F.log_softmax(x, c.Long("dim")));
    }

    public static TheoryData<string> ActivationNames => new() { "relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh" };

    [Theory]
    [MemberData(nameof(ActivationNames))]
    public void Activation_MatchesPyTorch(string activation)
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("activations");
        var x = c.Input("x");
        Assert.Equal("none", c.String("gelu_approximate"));
        var y = activation switch
        {
            "relu" => F.relu(x),
            "leaky_relu" => F.leaky_relu(x, c.Double("leaky_relu_negative_slope")),
            "elu" => F.elu(x, c.Double("elu_alpha")),
            "gelu" => F.gelu(x),
            "sigmoid" => F.sigmoid(x),
            "tanh" => F.tanh(x),
            _ => throw new ArgumentOutOfRangeException(nameof(activation)),
        };
        GoldenAssert.Matches(c, activation, y);
    }
}
