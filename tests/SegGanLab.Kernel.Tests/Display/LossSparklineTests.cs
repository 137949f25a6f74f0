using SegGanLab.Plots;
using Xunit;

namespace SegGanLab.Kernel.Tests;

public sealed class LossSparklineTests
{
    static TrainRecord Step(long step, IReadOnlyDictionary<string, double> losses) => new(step, 0, 0, losses, new Dictionary<string, double>());

    [Fact]
    public void ALongRun_IsBucketed_IntoASmallSvgOfEachSidesTotal()
    {
        var history = Enumerable.Range(1, 5000).Select(s => Step(s, new Dictionary<string, double>
        {
            ["G/ce"] = 1.0 / s, ["G/total"] = 1.0 / s, ["D/total"] = s % 7 == 0 ? double.NaN : 0.7,
        })).ToList();
        var svg = LossSparkline.Svg(history);
        Assert.Equal(2, svg.Split("<polyline").Length - 1);
        Assert.Contains("<title>G/total</title>", svg);
        Assert.Contains("<title>D/total</title>", svg);
        Assert.DoesNotContain("G/ce", svg);
        Assert.DoesNotContain("NaN", svg);
        var points = svg.Split("points=\"")[1].Split('"')[0].Split(' ');
        Assert.InRange(points.Length, 100, 120);
        Assert.True(svg.Length < 12_000, $"{svg.Length} characters");
    }

    [Fact]
    public void WithoutTotals_EveryTermIsDrawn_AndTooShortAHistoryDrawsNothing()
    {
        var terms = new Dictionary<string, double> { ["G/l2"] = 0.5, ["G/adv"] = 0.2 };
        Assert.Equal("", LossSparkline.Svg([Step(1, terms)]));
        var svg = LossSparkline.Svg([Step(1, terms), Step(2, terms)]);
        Assert.Equal(2, svg.Split("<polyline").Length - 1);
    }
}
