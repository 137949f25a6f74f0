using SegGanLab.Tests.Golden;
using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.NN;

/// <summary>A small network built from nn modules: forward, loss, every parameter gradient and the batch-norm statistics match PyTorch.</summary>
public class SmallNetGoldenTests
{
    [Fact]
    public void SmallNet_ForwardBackwardAndRunningStats_MatchPyTorch()
    {
        var c = GoldenData.Case("small_net");
        using var scope = NewDisposeScope();
        using var net = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding: 1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 4, 3, padding: 1), nn.ConvTranspose2d(4, 4, 2, stride: 2));
        var keys = c.Param("parameter_keys").EnumerateArray().Concat(c.Param("buffer_keys").EnumerateArray()).Select(k => k.GetString()!);
        var state = keys.ToDictionary(k => k, k => c.Input(k));
        // num_batches_tracked is not in the golden state; load the rest strictly by name.
        var (missing, unexpected) = net.load_state_dict(state, strict: false);
        Assert.Equal(new[] { "1.num_batches_tracked" }, missing);
        Assert.Empty(unexpected);

        net.train();
        var output = net.forward(c.Input("x"));
        var loss = F.cross_entropy(output, c.Input("target"));
        loss.backward();

        GoldenAssert.Matches(c, "out", output);
        GoldenAssert.Matches(c, "loss", loss);
        foreach (var (name, p) in net.named_parameters())
            GoldenAssert.Matches(c, "grad_" + name, p.grad);
        var buffers = net.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        GoldenAssert.Matches(c, "running_mean_after", buffers["1.running_mean"]);
        GoldenAssert.Matches(c, "running_var_after", buffers["1.running_var"]);
    }
}
