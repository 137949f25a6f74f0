using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.NN;

/// <summary>The README's tensor-layer example, kept compiling and working.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_Trains_AndLeavesNoTensorsBehind()
    {
        manual_seed(0);
        var start = LiveTensors.Settled();
        using (var net = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding: 1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 4, 1)))
        using (var opt = optim.Adam(net.parameters(), lr: 2e-2))
        {
            using var x = randn(8, 3, 16, 16);
            using var y = randint(0, 4, [8, 16, 16]);
            float first = 0, last = 0;
            for (var step = 0; step < 100; step++)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var loss = F.cross_entropy(net.forward(x), y, ignore_index: 255);
                loss.backward();
                opt.step();
                if (step == 0) first = loss.item<float>();
                last = loss.item<float>();
            }
            Assert.True(last < first * 0.9f, $"loss should fall: {first} -> {last}");
        }
        Assert.Equal(start, TensorStatistics.Live);
    }
}
