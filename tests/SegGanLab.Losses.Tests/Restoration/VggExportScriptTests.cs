using System.Text.Json;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Restoration;

/// <summary>
/// scripts/export_vgg19_features.py on a torchvision checkpoint writes a file that
/// <see cref="Vgg19Features.Load"/> reads, and the stack then computes torchvision's features.
/// </summary>
public sealed class VggExportScriptTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("seggan-vgg-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ExportedTorchvisionWeights_LoadAndGiveTorchvisionsFeatures()
    {
        // Writes a torchvision checkpoint to the folder and runs the export script on it.
        using var printed = JsonDocument.Parse(PythonProcess.Run(Path.Combine(AppContext.BaseDirectory, "Restoration", "torchvision_vgg19_checkpoint.py"), _folder));
        var exported = Path.Combine(_folder, "vgg19_features.safetensors");

        using var scope = NewDisposeScope();
        using var vgg = Vgg19Features.Load(exported);
        Assert.Equal(float32, vgg.parameters().First().dtype);
        var features = vgg.forward(linspace(-1, 1, 192).reshape(1, 3, 8, 8));
        var expected = printed.RootElement.GetProperty("features").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        GoldenAssert.AssertClose(expected, Array.ConvertAll(features.data<float>(), v => (double)v), 1e-4, 1e-5, "conv3_3 features");
    }
}
