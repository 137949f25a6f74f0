using SegGanLab.Models.Tests.Support;
using SegGanLab.Tests.Golden;
using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Golden;

/// <summary>
/// Every architecture against an independent PyTorch implementation (tests/golden/make_models_golden.py):
/// same formula weights and input, float64, outputs equal to 1e-9.
/// </summary>
public class ModelGoldenTests
{
    const double Tolerance = 1e-9;
    static readonly GoldenFile File = GoldenFile.Open("models.json");

    [Theory]
    [InlineData("unet_transposed_batch")]
    [InlineData("unet_bilinear_instance_tanh")]
    public void UNet_MatchesReference(string name) => AssertMatches(name, c => new UNet(
        c.Long("model", "in"), c.Long("model", "classes"), (int)c.Long("model", "depth"), c.Long("model", "width"),
        c.String("model", "upsampling") == "bilinear" ? Upsampling.Bilinear : Upsampling.Transposed, Norm(c), c.Double("model", "dropout"),
        c.String("model", "output") == "tanh" ? OutputActivation.Tanh : OutputActivation.None));

    [Fact]
    public void UNet_TrainingModeOutputAndInputGradient_MatchReference()
    {
        var c = File.Case("unet_transposed_batch_train");
        using var scope = NewDisposeScope();
        using var model = new UNet(3, 3, 2, 4, Upsampling.Transposed, NormKind.Batch, 0, OutputActivation.None);
        FormulaWeights.Fill(model, c);
        model.train();
        var x = FormulaWeights.Input(Shape(c)).requires_grad_();
        var output = model.forward(x);
        output.mul(FormulaWeights.Input(Shape(c)).mul(0.5)).sum().backward();
        GoldenAssert.Matches(c, "out", output, Tolerance);
        GoldenAssert.Matches(c, "grad_input", x.grad, Tolerance);
    }

    [Theory]
    [InlineData("pix2pix_unet")]
    [InlineData("pix2pix_unet_instance")]
    public void Pix2PixUNet_MatchesPix2PixNetworks(string name) => AssertMatches(name, c => new Pix2PixUNet(
        (int)c.Long("model", "downs"), c.Long("model", "in"), c.Long("model", "out"), c.Long("model", "width"), Norm(c), c.Double("model", "dropout"),
        OutputActivation.Tanh));

    [Fact]
    public void SegNet_MatchesReferenceOnTorchvisionVggLayers() =>
        AssertMatches("segnet", c => new SegNet(c.Long("model", "in"), c.Long("model", "classes"), c.Long("model", "width")));

    [Fact]
    public void SegNetBasic_MatchesReference() =>
        AssertMatches("segnet_basic", c => new SegNetBasic(c.Long("model", "in"), c.Long("model", "classes"), c.Long("model", "width"), c.Bool("model", "lrn")));

    [Theory]
    [InlineData("fcn8s_resnet18")]
    [InlineData("fcn16s_resnet50")]
    [InlineData("fcn32s_resnet34")]
    public void Fcn_MatchesReference(string name) => AssertMatches(name, c => new Fcn(
        Enum.Parse<FcnVariant>(c.String("model", "variant"), ignoreCase: true), Backbone(c), c.Long("model", "in"), c.Long("model", "classes"), c.Long("model", "width")));

    [Fact]
    public void DeepLabV3Plus_MatchesReference() => AssertMatches("deeplabv3plus", c => new DeepLabV3Plus(
        Backbone(c), c.Long("model", "in"), c.Long("model", "classes"), c.Long("model", "decoder_width"), c.Long("model", "width"),
        c.Long("model", "low_level"), c.Longs("model", "rates")));

    [Theory]
    [InlineData("patchgan")]
    [InlineData("patchgan_train")]
    [InlineData("patchgan_instance")]
    public void PatchGan_MatchesPix2PixNLayerDiscriminator(string name) => AssertMatches(name, c => new PatchGan(
        c.Long("model", "image"), c.Long("model", "labels"), (int)c.Long("model", "layers"), c.Long("model", "width"), Norm(c)));

    [Fact]
    public void PixelDiscriminator_MatchesPix2Pix() => AssertMatches("pixelgan", c => new PixelDiscriminator(
        c.Long("model", "image"), c.Long("model", "labels"), c.Long("model", "width"), Norm(c)));

    [Fact]
    public void HungDiscriminator_MatchesAdvSemiSegUpsampled() =>
        AssertMatches("hung_fcd", c => new FullyConvDiscriminator(c.Long("model", "labels"), 0, c.Long("model", "width"), upsample: true));

    [Fact]
    public void MultiScale_EveryScaleMatchesPix2PixHD()
    {
        var c = File.Case("multiscale");
        using var scope = NewDisposeScope();
        using var model = Models.MultiScale(() => new PatchGan(c.Long("model", "image"), c.Long("model", "labels"), (int)c.Long("model", "layers"),
                                                               c.Long("model", "width"), Norm(c)), (int)c.Long("model", "scales"));
        FormulaWeights.Fill(model, c);
        model.eval();
        var outputs = model.ForwardScales(FormulaWeights.Input(Shape(c)));
        Assert.Equal(2, outputs.Count);
        for (var k = 0; k < outputs.Count; k++) GoldenAssert.Matches(c, $"scale{k}", outputs[k], Tolerance);
        var flat = model.forward(FormulaWeights.Input(Shape(c)));
        Assert.Equal([1, outputs.Sum(o => o.numel())], flat.shape);
    }

    [Theory]
    [InlineData("resnet_generator_residual")]
    [InlineData("resnet_generator_batch")]
    public void ResNetGenerator_MatchesPix2PixAndDeblurGan(string name) => AssertMatches(name, c => new ResNetGenerator(
        (int)c.Long("model", "blocks"), c.Long("model", "in"), c.Long("model", "out"), c.Long("model", "width"), Norm(c), c.Double("model", "dropout"),
        c.Bool("model", "residual"), OutputActivation.Tanh));

    [Fact]
    public void DcganJoint_ImageAndMask_MatchReference()
    {
        var c = File.Case("dcgan_joint");
        using var scope = NewDisposeScope();
        using var model = new DcganJointGenerator(c.Long("model", "latent"), c.Long("model", "classes"), c.Long("model", "channels"), c.Long("model", "size"),
                                                  c.Long("model", "width"));
        FormulaWeights.Fill(model, c);
        model.eval();
        var (image, mask) = model.forward(FormulaWeights.Input(Shape(c)));
        GoldenAssert.Matches(c, "image", image, Tolerance);
        GoldenAssert.Matches(c, "mask", mask, Tolerance);
    }

    [Theory]
    [InlineData("local_response_norm_3")]
    [InlineData("local_response_norm_4")]
    public void LocalResponseNorm_MatchesFunctional(string name)
    {
        var c = File.Case(name);
        using var scope = NewDisposeScope();
        using var lrn = new LocalResponseNorm(c.Long("model", "size"), c.Double("model", "alpha"), c.Double("model", "beta"), c.Double("model", "k"));
        GoldenAssert.Matches(c, "out", lrn.forward(FormulaWeights.Input(Shape(c)).mul(c.Double("model", "scale"))), Tolerance);
    }

    static void AssertMatches(string name, Func<GoldenCase, ImageModel> create)
    {
        var c = File.Case(name);
        using var scope = NewDisposeScope();
        using var model = create(c);
        FormulaWeights.Fill(model, c);
        model.train(c.Bool("train"));
        using var _ = no_grad();
        GoldenAssert.Matches(c, "out", model.forward(FormulaWeights.Input(Shape(c))), Tolerance);
    }

    static long[] Shape(GoldenCase c) => c.Longs("input_shape");

    static NormKind Norm(GoldenCase c) => Enum.Parse<NormKind>(c.String("model", "norm"), ignoreCase: true);

    static Backbone Backbone(GoldenCase c) => Enum.Parse<Backbone>(c.String("model", "backbone"), ignoreCase: true);
}
