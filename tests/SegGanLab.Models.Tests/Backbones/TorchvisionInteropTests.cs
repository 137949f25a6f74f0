using SegGanLab.Tests.Golden;
using SegGanLab.Torch;
using SegGanLab.Torch.Serialization;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Backbones;

/// <summary>Runs torchvision_backbones.py once: torchvision's ResNet-18 and VGG-16-BN weights and stage outputs in a temporary folder.</summary>
public sealed class TorchvisionFiles : IDisposable
{
    public TorchvisionFiles()
    {
        Directory.CreateDirectory(Folder);
        using var _ = PythonProcess.RunJson(Path.Combine(AppContext.BaseDirectory, "Backbones", "torchvision_backbones.py"), Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"seggan-torchvision-{Guid.NewGuid():N}");

    public string File(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>
/// Our backbones load real torchvision state dicts (exported by scripts/export_torchvision_weights.py)
/// by name and compute the same stage outputs as torchvision on the same input.
/// </summary>
public sealed class TorchvisionInteropTests(TorchvisionFiles files) : IClassFixture<TorchvisionFiles>
{
    // float32 through a dozen convolutions: summation order may differ between code paths.
    const double Tolerance = 1e-4;

    [Fact]
    public void ResNet18_LoadsTorchvisionWeights_AndMatchesEveryStage()
    {
        using var scope = NewDisposeScope();
        using var backbone = new ResNet(Backbone.ResNet18).LoadTorchvisionWeights(files.File("resnet18.safetensors"));
        backbone.eval();
        using var expected = SafeTensors.Load(files.File("resnet18_features.safetensors"));
        using var _ = no_grad();
        var features = backbone.Features(expected["input"]);
        Close(expected["layer1"], features.Layer1, "layer1");
        Close(expected["layer2"], features.Layer2, "layer2");
        Close(expected["layer3"], features.Layer3, "layer3");
        Close(expected["layer4"], features.Layer4, "layer4");
    }

    [Fact]
    public void Fcn_BackboneWeightsOption_LoadsEveryTensorByName()
    {
        using var scope = NewDisposeScope();
        using var model = Models.Fcn8s(backboneWeights: files.File("resnet18.safetensors"));
        using var file = SafeTensors.Load(files.File("resnet18.safetensors"));
        AssertHolds(model.Encoder, file);
        Assert.Equal(model.Encoder.state_dict().Count, file.Tensors.Count(p => !p.Key.StartsWith("fc.", StringComparison.Ordinal)));
    }

    /// <summary>Every tensor of <paramref name="module"/> equals the file's tensor of the same name.</summary>
    static void AssertHolds(nn.Module module, SafeTensorsFile file)
    {
        foreach (var (key, tensor) in module.state_dict())
            using (tensor)
                Assert.True(tensor.allclose(file[key], 0, 0), $"{key} differs from the file");
    }

    [Fact]
    public void Vgg16BnEncoder_LoadsTorchvisionFeatures_AndMatchesTheirOutput()
    {
        using var scope = NewDisposeScope();
        using var encoder = new Vgg16Encoder().LoadTorchvisionWeights(files.File("vgg16_bn.safetensors"));
        encoder.eval();
        using var expected = SafeTensors.Load(files.File("vgg16_bn_features.safetensors"));
        using var _ = no_grad();
        // 64 halves evenly five times, so our rounded-up pooling equals torchvision's rounded-down one.
        Close(expected["features"], encoder.forward(expected["input"]), "features");
        using var segnet = Models.SegNet(encoderWeights: files.File("vgg16_bn.safetensors"));
        using var weights = SafeTensors.Load(files.File("vgg16_bn.safetensors"));
        AssertHolds(segnet.Encoder, weights);
    }

    static void Close(Tensor expected, Tensor actual, string what)
    {
        using var e = expected.to(ScalarType.Float64);
        using var a = actual.to(ScalarType.Float64);
        Assert.Equal(expected.shape, actual.shape);
        GoldenAssert.AssertClose(e.data<double>(), a.data<double>(), Tolerance, Tolerance, what);
    }
}
