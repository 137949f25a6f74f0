using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Registry;

/// <summary>Every registered name builds, runs forward and backward on a tiny batch in training mode, and gives every parameter a finite gradient.</summary>
public class SmokeMatrixTests
{
    /// <summary>Name, options that keep it tiny, input shape, expected output shape(s).</summary>
    public static TheoryData<string, ModelOptions, long[], long[][]> Matrix => new()
    {
        { "unet", new() { BaseWidth = 4, NumClasses = 3 }, [2, 3, 32, 32], [[2, 3, 32, 32]] },
        { "unet_128", new() { BaseWidth = 2, OutChannels = 2 }, [2, 3, 128, 128], [[2, 2, 128, 128]] },
        { "unet_256", new() { BaseWidth = 1, InChannels = 1, OutChannels = 1 }, [2, 1, 256, 256], [[2, 1, 256, 256]] },
        { "segnet", new() { BaseWidth = 2, NumClasses = 3 }, [2, 3, 36, 40], [[2, 3, 36, 40]] },
        { "segnet_basic", new() { BaseWidth = 4, NumClasses = 3 }, [2, 3, 18, 22], [[2, 3, 18, 22]] },
        { "fcn8s", new() { BaseWidth = 4, NumClasses = 3 }, [2, 3, 40, 36], [[2, 3, 40, 36]] },
        { "fcn16s", new() { BaseWidth = 2, Backbone = Backbone.ResNet50 }, [2, 3, 32, 32], [[2, 2, 32, 32]] },
        { "fcn32s", new() { BaseWidth = 4, Backbone = Backbone.ResNet34 }, [2, 3, 32, 32], [[2, 2, 32, 32]] },
        { "deeplabv3plus_lite", new() { BaseWidth = 4, DecoderWidth = 8, NumClasses = 3 }, [2, 3, 32, 32], [[2, 3, 32, 32]] },
        { "patchgan", new() { BaseWidth = 4, ImageChannels = 3, LabelChannels = 2 }, [2, 5, 32, 32], [[2, 1, 2, 2]] },
        { "pixelgan", new() { BaseWidth = 4 }, [2, 5, 8, 8], [[2, 1, 8, 8]] },
        { "hung_fcd", new() { BaseWidth = 4, LabelChannels = 3 }, [2, 3, 32, 32], [[2, 1, 32, 32]] },
        { "multiscale", new() { BaseWidth = 4, Layers = 2, Scales = 3 }, [2, 5, 48, 48], [[2, 1, 10, 10], [2, 1, 4, 4], [2, 1, 1, 1]] },
        { "dcgan_joint", new() { BaseWidth = 4, LatentSize = 8, OutputSize = 16, NumClasses = 3 }, [2, 8], [[2, 3, 16, 16], [2, 3, 16, 16]] },
        { "resnet_6blocks", new() { BaseWidth = 4 }, [2, 3, 16, 16], [[2, 3, 16, 16]] },
        { "resnet_9blocks", new() { BaseWidth = 4, ResidualOutput = true, Dropout = 0.5 }, [2, 3, 16, 16], [[2, 3, 16, 16]] },
    };

    [Fact]
    public void Matrix_CoversEveryRegisteredName() =>
        Assert.Equal(Models.Names.Order(), Matrix.Select(row => (string)row[0]).Distinct().Order());

    [Theory]
    [MemberData(nameof(Matrix))]
    public void ForwardAndBackward_GiveExpectedShapesAndGradients(string name, ModelOptions options, long[] input, long[][] expected)
    {
        manual_seed(7);
        using var scope = NewDisposeScope();
        using var model = Models.Create(name, options);
        Assert.Equal(Models.Catalog.Single(i => i.Name == name).ModelType, model.GetType());
        model.train();
        var x = randn(input);
        var outputs = model switch
        {
            Discriminator d => d.ForwardScales(x),
            ImageModel m => [m.forward(x)],
            DcganJointGenerator g => Pair(g.forward(x)),
            _ => throw new InvalidOperationException(model.GetType().Name),
        };
        Assert.Equal(expected, outputs.Select(o => o.shape));
        outputs.Select(o => o.square().mean()).Aggregate((a, b) => a + b).backward();
        foreach (var (parameter, p) in model.named_parameters())
        {
            Assert.True(p.grad is not null, $"{name}: {parameter} got no gradient");
            Assert.True(p.grad!.isfinite().all().item<bool>(), $"{name}: {parameter} has a non-finite gradient");
        }
    }

    static IReadOnlyList<Tensor> Pair((Tensor Image, Tensor MaskLogits) pair) => [pair.Image, pair.MaskLogits];
}
