using SegGanLab.Torch;
using SegGanLab.Torch.Serialization;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Restoration;

/// <summary>
/// A VGG-19 feature file with the golden script's formula weights (float64), written once per test
/// class to a temporary folder: parameter j of n elements holds sin(0.37 k + j) / sqrt(fan_in)
/// (weights) or 0.1 cos(0.91 k + j) (biases).
/// </summary>
public sealed class FormulaVggWeights : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("seggan-vgg-").FullName;

    public FormulaVggWeights() => Path = Write("vgg19_features.safetensors", "features.");

    /// <summary>The file with torchvision's full-model names (features.0.weight, ...).</summary>
    public string Path { get; }

    /// <summary>Writes the formula weights under <paramref name="prefix"/> + index names, leaving out <paramref name="skip"/> and reshaping <paramref name="reshape"/>.</summary>
    public string Write(string fileName, string prefix, string? skip = null, string? reshape = null)
    {
        using var scope = NewDisposeScope();
        var tensors = new List<KeyValuePair<string, Tensor>>();
        var j = 0;
        using var shapes = new Vgg19Features();
        foreach (var (name, p) in shapes.named_parameters())
        {
            var k = arange(0, p.numel(), dtype: float64);
            var values = name.EndsWith("weight", StringComparison.Ordinal)
                ? (k * 0.37 + j).sin() / Math.Sqrt(p.size(1) * p.size(2) * p.size(3))
                : (k * 0.91 + j).cos() * 0.1;
            j++;
            var key = prefix + name["features.".Length..];
            if (key == skip) continue;
            tensors.Add(new(key, key == reshape ? values.reshape(1, -1) : values.reshape(p.shape)));
        }
        var path = System.IO.Path.Combine(_folder, fileName);
        SafeTensors.Save(tensors, path);
        return path;
    }

    /// <summary>Deletes the temporary folder.</summary>
    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
