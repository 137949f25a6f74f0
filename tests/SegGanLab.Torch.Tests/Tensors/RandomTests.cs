using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Tensors;

[Collection(GlobalStateCollection.Name)]
public class RandomTests
{
    [Fact]
    public void ManualSeed_SameSeed_ReproducesRandn_AndADifferentSeedDoesNot()
    {
        using var scope = NewDisposeScope();
        manual_seed(1234);
        var a = randn(3, 4).data<float>();
        var a2 = rand(5).data<float>();
        manual_seed(1234);
        var b = randn(3, 4).data<float>();
        var b2 = rand(5).data<float>();
        manual_seed(4321);
        var c = randn(3, 4).data<float>();
        Assert.Equal(a, b);
        Assert.Equal(a2, b2);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void ManualSeed_MatchesPyTorchsRandnStream()
    {
        // torch.manual_seed(0); torch.randn(4) in PyTorch 1.13 (CPU): the same Mersenne Twister + Box-Muller.
        using var scope = NewDisposeScope();
        manual_seed(0);
        var r = randn(4).data<float>();
        Assert.Equal(new[] { 1.5409961f, -0.2934289f, -2.1787894f, 0.56843126f }, r);
    }

    [Fact]
    public void Generator_WithTheSameSeed_ReproducesItsStream_WhateverTheGlobalGeneratorDoes()
    {
        using var scope = NewDisposeScope();
        using var g1 = new Generator(99);
        manual_seed(1);
        var a = randn([6], generator: g1).data<float>();
        using var g2 = new Generator(99);
        manual_seed(2);
        _ = randn(10);
        var b = randn([6], generator: g2).data<float>();
        Assert.Equal(a, b);
        Assert.Equal(99UL, g2.initial_seed());
    }

    [Fact]
    public void Generator_DrawingFromIt_DoesNotAdvanceTheGlobalGenerator()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(5);
        manual_seed(3);
        var expected = randn(4).data<float>();
        manual_seed(3);
        _ = randn([100], generator: g);
        _ = randint(0, 10, [50], generator: g);
        var actual = randn(4).data<float>();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void GeneratorState_RoundTrips_AndManualSeedRestartsTheStream()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(11);
        var first = rand([3], generator: g).data<float>();
        var state = g.get_state();
        var next = rand([3], generator: g).data<float>();
        g.set_state(state);
        Assert.Equal(next, rand([3], generator: g).data<float>());
        g.manual_seed(11);
        Assert.Equal(first, rand([3], generator: g).data<float>());
    }
}
