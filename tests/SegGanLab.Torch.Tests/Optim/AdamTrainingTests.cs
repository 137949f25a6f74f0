using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.Optim;

/// <summary>End to end: forward, loss, backward and Adam steps fit a known linear map.</summary>
public class AdamTrainingTests
{
    /// <summary>Trains nn.Linear(3, 1) on y = x·[1.5, −2, 0.5] + 0.3 + small noise; returns the final loss and weights.</summary>
    static (double firstLoss, double lastLoss, float[] weight, float[] bias) Fit(long seed)
    {
        manual_seed(seed);
        using var x = randn(128, 3);
        using var trueW = tensor(new float[] { 1.5f, -2f, 0.5f }, [3, 1]);
        using var noise = randn(128, 1);
        using var y = (x.matmul(trueW) + 0.3 + noise * 0.01).DetachFromDisposeScope();
        using var model = nn.Linear(3, 1);
        using var opt = optim.Adam(model.parameters(), lr: 0.05);
        double first = double.NaN, last = double.NaN;
        for (var i = 0; i < 300; i++)
        {
            using var scope = NewDisposeScope();
            opt.zero_grad();
            var loss = F.mse_loss(model.forward(x), y);
            loss.backward();
            opt.step();
            last = loss.item<float>();
            if (i == 0) first = last;
        }
        return (first, last, model.weight.data<float>(), model.bias!.data<float>());
    }

    [Fact]
    public void Adam_TrainsALinearRegression_UntilTheLossIsNoiseLevel()
    {
        var (first, last, weight, bias) = Fit(seed: 42);
        Assert.True(first > 1.0, $"the untrained loss should be large, was {first}");
        Assert.True(last < 1e-3, $"loss after 300 Adam steps should be below 1e-3, was {last}");
        Assert.Equal(1.5f, weight[0], 0.02f);
        Assert.Equal(-2f, weight[1], 0.02f);
        Assert.Equal(0.5f, weight[2], 0.02f);
        Assert.Equal(0.3f, bias[0], 0.02f);
    }

    [Fact]
    public void Adam_Training_IsDeterministicUnderManualSeed()
    {
        var first = Fit(seed: 3);
        var second = Fit(seed: 3);
        Assert.Equal(first.lastLoss, second.lastLoss);
        Assert.Equal(first.weight, second.weight);
        Assert.Equal(first.bias, second.bias);
    }
}
