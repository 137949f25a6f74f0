using SegGanLab.Torch;
using SegGanLab.Torch.Serialization;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Backbones;

/// <summary>Missing, unreadable and mismatched weight files name the file, the first offending keys and how to export the right ones.</summary>
public sealed class BackboneWeightsErrorTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("seggan-backbone-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string Saved(nn.Module module, string name, string prefix = "")
    {
        var path = Path.Combine(_folder, name);
        var state = module.state_dict();
        try { SafeTensors.Save(state.Select(p => KeyValuePair.Create(prefix + p.Key, p.Value)), path); }
        finally { foreach (var t in state.Values) t.Dispose(); }
        return path;
    }

    [Fact]
    public void MissingFile_SaysHowToExport()
    {
        var path = Path.Combine(_folder, "resnet50.safetensors");
        var e = Assert.Throws<BackboneWeightsException>(() => Models.Fcn8s(Backbone.ResNet50, baseWidth: 2, backboneWeights: path));
        Assert.Equal(path, e.FilePath);
        Assert.Equal($"resnet50 backbone weights not found at '{path}': export them with `/usr/bin/python3 scripts/export_torchvision_weights.py resnet50 {path}` (see docs/pretrained-weights.md).", e.Message);
    }

    [Fact]
    public void NotSafetensors_SaysItCannotBeRead()
    {
        var path = Path.Combine(_folder, "resnet18.pth");
        File.WriteAllBytes(path, [0x80, 0x02, 0x7d, 0x71, 0x00]);
        var e = Assert.Throws<BackboneWeightsException>(() => new ResNet(Backbone.ResNet18, baseWidth: 2).LoadTorchvisionWeights(path));
        Assert.StartsWith($"resnet18 backbone weights at '{path}' could not be read (", e.Message);
        Assert.IsType<SafeTensorsException>(e.InnerException);
    }

    [Fact]
    public void OtherArchitecture_ListsTheFirstMissingAndUnexpectedKeys()
    {
        using var resnet34 = new ResNet(Backbone.ResNet34, baseWidth: 2);
        var path = Saved(resnet34, "resnet34.safetensors");
        using var resnet18 = new ResNet(Backbone.ResNet18, baseWidth: 2);
        var e = Assert.Throws<BackboneWeightsException>(() => resnet18.LoadTorchvisionWeights(path));
        Assert.Empty(e.MissingKeys);
        Assert.Equal(8 * 12, e.UnexpectedKeys.Count);   // 8 more basic blocks (layer1.2, layer2.2-3, layer3.2-5, layer4.2) of 2 convs + 2 x 5 batch-norm tensors
        var lines = e.Message.Split('\n');
        Assert.Equal($"'{path}' does not fit the resnet18 backbone:", lines[0]);
        Assert.Equal("  unexpected keys (96): layer1.2.conv1.weight, layer1.2.bn1.weight, layer1.2.bn1.bias, layer1.2.bn1.running_mean, layer1.2.bn1.running_var, ... and 91 more", lines[1]);
        Assert.StartsWith("  Was it exported from resnet18 (with the default width and 3 input channels)?", lines[2]);
    }

    [Fact]
    public void OtherWidth_ListsShapeMismatches_AndLoadsNothing()
    {
        using var wide = new ResNet(Backbone.ResNet18, baseWidth: 4);
        var path = Saved(wide, "wide.safetensors");
        using var narrow = new ResNet(Backbone.ResNet18, baseWidth: 2);
        using var before = narrow.state_dict()["conv1.weight"];
        using var copy = before.clone();
        var e = Assert.Throws<BackboneWeightsException>(() => narrow.LoadTorchvisionWeights(path));
        Assert.Contains("  size mismatch (100): conv1.weight: file [4, 3, 7, 7] vs model [2, 3, 7, 7], bn1.weight: file [4] vs model [2],", e.Message);
        Assert.True(before.allclose(copy, 0, 0), "a failed load must not change the weights");
    }

    [Fact]
    public void ClassifierAndMissingCounters_AreAccepted()
    {
        using var source = new ResNet(Backbone.ResNet18, baseWidth: 2);
        var path = Path.Combine(_folder, "torchvision-like.safetensors");
        var state = source.state_dict();
        using var fcWeight = randn(1000, 16);
        using var fcBias = zeros(1000);
        var entries = state.Where(p => !p.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToList();
        entries.Add(KeyValuePair.Create("fc.weight", fcWeight));
        entries.Add(KeyValuePair.Create("fc.bias", fcBias));
        try { SafeTensors.Save(entries, path); }
        finally { foreach (var t in state.Values) t.Dispose(); }
        using var target = new ResNet(Backbone.ResNet18, baseWidth: 2).LoadTorchvisionWeights(path);
        using var a = source.state_dict()["layer4.1.bn2.running_var"];
        using var b = target.state_dict()["layer4.1.bn2.running_var"];
        Assert.True(a.allclose(b, 0, 0));
    }

    [Fact]
    public void VggWeightsIntoResNet_AreRefusedByName()
    {
        using var vgg = new Vgg16Encoder(baseWidth: 2);
        var path = Saved(vgg, "vgg.safetensors");
        var e = Assert.Throws<BackboneWeightsException>(() => new ResNet(Backbone.ResNet18, baseWidth: 2).LoadTorchvisionWeights(path));
        Assert.Contains("  missing keys (", e.Message);
        Assert.Contains("conv1.weight, bn1.weight, bn1.bias, bn1.running_mean, bn1.running_var, ... and ", e.Message);
        Assert.Contains("  unexpected keys (", e.Message);
    }
}
