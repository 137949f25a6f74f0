using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Tensors;

public class FactoryTests
{
    public static TheoryData<string> FloatFactories => new() { "zeros", "ones", "empty", "full", "arange", "linspace", "eye", "rand", "randn", "tensor" };

    // Random factories draw from a private generator: this class runs in parallel with others, and
    // must not move the global generator under a test that relies on manual_seed.
    static readonly Generator Rng = new(2024);

    static Tensor Make(string factory, bool requiresGrad) => factory switch
    {
        "zeros" => zeros([2, 3], float64, requires_grad: requiresGrad),
        "ones" => ones([2, 3], float64, requires_grad: requiresGrad),
        "empty" => empty([2, 3], float64, requires_grad: requiresGrad),
        "full" => full([2, 3], 1.5, float64, requires_grad: requiresGrad),
        "arange" => arange(0.0, 3.0, 0.5, float64, requires_grad: requiresGrad),
        "linspace" => linspace(0, 1, 5, float64, requires_grad: requiresGrad),
        "eye" => eye(3, dtype: float64, requires_grad: requiresGrad),
        "rand" => rand([2, 3], float64, requires_grad: requiresGrad, generator: Rng),
        "randn" => randn([2, 3], float64, requires_grad: requiresGrad, generator: Rng),
        "tensor" => tensor(new double[] { 1, 2 }, requires_grad: requiresGrad),
        _ => throw new ArgumentOutOfRangeException(nameof(factory)),
    };

    [Theory]
    [MemberData(nameof(FloatFactories))]
    public void Factory_WithRequiresGrad_CreatesALeafThatRecordsOperations(string factory)
    {
        using var scope = NewDisposeScope();
        var x = Make(factory, requiresGrad: true);
        Assert.True(x.requires_grad, $"{factory}(requires_grad: true) must require grad");
        Assert.True(x.is_leaf);
        Assert.Equal(ScalarType.Float64, x.dtype);
        var y = (x * 2).sum();
        Assert.True(y.requires_grad);
        y.backward();
        Assert.All(x.grad!.data<double>(), g => Assert.Equal(2.0, g));
    }

    [Theory]
    [MemberData(nameof(FloatFactories))]
    public void Factory_ByDefault_DoesNotRequireGrad(string factory)
    {
        using var x = Make(factory, requiresGrad: false);
        Assert.False(x.requires_grad);
    }

    [Fact]
    public void Factory_DefaultsToFloat32_AndArangeOfIntegersToInt64()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(ScalarType.Float32, zeros(2).dtype);
        Assert.Equal(ScalarType.Float32, randn([2], generator: Rng).dtype);
        Assert.Equal(ScalarType.Int64, arange(0, 3).dtype);
        Assert.Equal(ScalarType.Float32, arange(0, 1.5).dtype);
        Assert.Equal(ScalarType.Int64, randint(0, 5, [3], generator: Rng).dtype);
        Assert.Equal(new long[] { 3, 4 }, eye(3, 4).shape);
    }
}
