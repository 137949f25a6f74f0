using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Restoration;

/// <summary>
/// The VGG-19 conv3_3 stack and the perceptual loss against torchvision's <c>vgg19().features[:15]</c>
/// with the same formula weights, and the errors for missing or mismatched weight files.
/// </summary>
public class PerceptualLossTests(FormulaVggWeights weights) : IClassFixture<FormulaVggWeights>
{
    [Fact]
    public void FeatureStack_LoadedFromTorchvisionNames_MatchesTorchvision()
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case("vgg19_features");
        using var vgg = Vgg19Features.Load(weights.Path);
        Assert.Equal(float64, vgg.parameters().First().dtype);   // the file's type
        GoldenAssert.Matches(c, "features", vgg.forward(c.Input("x")));
        Assert.All(vgg.parameters(), p => Assert.False(p.requires_grad));
        Assert.False(vgg.training);
    }

    [Fact]
    public void FeatureStack_LoadsTheSlicedStateDictNamesToo()
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case("vgg19_features");
        using var vgg = Vgg19Features.Load(weights.Write("sliced.safetensors", prefix: ""));
        Assert.Equal(float64, vgg.parameters().First().dtype);   // the file's type
        GoldenAssert.Matches(c, "features", vgg.forward(c.Input("x")));
    }

    [Theory]
    [InlineData("perceptual_rgb", ImageRange.MinusOneToOne)]
    [InlineData("perceptual_gray_unit_range", ImageRange.ZeroToOne)]
    public void PerceptualLoss_ValueAndGradient_MatchTorchvision(string name, ImageRange range)
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case(name);
        using var loss = new PerceptualLoss(weights.Path, range);
        var output = c.Input("output", requiresGrad: true);
        var value = loss.Forward(output, c.Input("target"));
        GoldenAssert.Matches(c, "loss", value);
        value.backward();
        GoldenAssert.Matches(c, "grad_output", output.grad);
    }

    [Fact]
    public void MissingFile_IsAClearError_NamingTheExportScript()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-vgg19.safetensors");
        var e = Assert.Throws<FileNotFoundException>(() => Vgg19Features.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("scripts/export_vgg19_features.py", e.Message);
    }

    [Fact]
    public void FileWithoutALayer_ListsWhatIsMissing()
    {
        var path = weights.Write("incomplete.safetensors", "features.", skip: "features.12.weight");
        var e = Assert.Throws<InvalidDataException>(() => Vgg19Features.Load(path));
        Assert.Contains("features.12.weight", e.Message);
        Assert.Contains("not a VGG-19 feature file", e.Message);
    }

    [Fact]
    public void FileWithAWrongShape_NamesTheLayerAndBothShapes()
    {
        var path = weights.Write("misshapen.safetensors", "features.", reshape: "features.5.weight");
        var e = Assert.Throws<InvalidDataException>(() => Vgg19Features.Load(path));
        Assert.Contains("features.5.weight", e.Message);
        Assert.Contains("[128, 64, 3, 3]", e.Message);
    }

    [Fact]
    public void Validate_WithoutWeights_SaysHowToGetThem()
    {
        var previous = Environment.GetEnvironmentVariable(PerceptualLoss.WeightsVariable);
        try
        {
            Environment.SetEnvironmentVariable(PerceptualLoss.WeightsVariable, null);
            var setup = new LossSetup(LossInputs.OutputImage | LossInputs.TargetImage);
            var e = Assert.Throws<LossConfigurationException>(() => (Loss.L1 + Loss.Perceptual).Validate(setup));
            Assert.Contains(PerceptualLoss.WeightsVariable, e.Message);
            Environment.SetEnvironmentVariable(PerceptualLoss.WeightsVariable, weights.Path);
            (Loss.L1 + Loss.Perceptual).Validate(setup);
            Assert.Equal(weights.Path, Loss.Perceptual.WeightsPath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PerceptualLoss.WeightsVariable, previous);
        }
    }

    [Fact]
    public void DisposingTheExpression_FreesTheLoadedStack_WhichLoadsAgainWhenUsed()
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case("perceptual_rgb");
        var (output, target) = (c.Input("output"), c.Input("target"));
        var expression = 2 * (Loss.L1 + new PerceptualLoss(weights.Path));
        using var ctx = new LossContext { Output = output, Target = target };
        var before = LiveTensors.Settled();
        double first;
        using (NewDisposeScope()) first = expression.Evaluate(ctx).TotalValue;
        Assert.True(LiveTensors.Settled() > before, "the VGG-19 stack stays loaded between evaluations");
        expression.Dispose();
        Assert.Equal(before, LiveTensors.Settled());
        using (NewDisposeScope()) Assert.Equal(first, expression.Evaluate(ctx).TotalValue, 12);
        expression.Dispose();
    }

    [Fact]
    public void PerceptualLoss_RejectsImagesThatAreNotRgbOrGray()
    {
        using var scope = NewDisposeScope();
        using var loss = new PerceptualLoss(weights.Path);
        var e = Assert.Throws<LossInputException>(() => loss.Forward(zeros(1, 4, 8, 8), zeros(1, 4, 8, 8)));
        Assert.Contains("[1, 4, 8, 8]", e.Message);
    }
}
