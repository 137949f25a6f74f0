using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Restoration;

public class ImageLossTests
{
    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    public void PixelLoss_ValueAndGradient_MatchPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        var c = LossesGolden.Case(name);
        var output = c.Input("output", requiresGrad: true);
        ImageLoss loss = name == "l1" ? Loss.L1 : Loss.L2;
        Assert.Equal(name, loss.Name);
        var value = loss.Forward(output, c.Input("target"));
        GoldenAssert.Matches(c, "loss", value);
        value.backward();
        GoldenAssert.Matches(c, "grad_output", output.grad);
    }

    [Fact]
    public void PixelLoss_RejectsMismatchedShapes_NamingBoth()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<LossInputException>(() => Loss.L1.Forward(zeros(1, 3, 8, 8), zeros(1, 3, 8, 9)));
        Assert.Contains("[1, 3, 8, 8]", e.Message);
        Assert.Contains("[1, 3, 8, 9]", e.Message);
    }
}
