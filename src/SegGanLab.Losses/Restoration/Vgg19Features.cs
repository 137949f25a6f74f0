using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using SegGanLab.Torch.Serialization;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses;

/// <summary>
/// VGG-19's convolutional stack up to conv3_3 (before its ReLU), laid out and named as torchvision's
/// <c>vgg19().features[:15]</c> (parameters <c>features.0.weight</c> ... <c>features.14.bias</c>), so
/// weights exported from torchvision load unchanged. Frozen (no gradients to its weights) and in
/// evaluation mode; the perceptual loss's feature extractor.
/// </summary>
public sealed class Vgg19Features : nn.Module<Tensor, Tensor>
{
    /// <summary>The indices of the convolutions in torchvision's <c>features</c> and their channels.</summary>
    static readonly (int Index, long In, long Out)[] Convolutions =
        [(0, 3, 64), (2, 64, 64), (5, 64, 128), (7, 128, 128), (10, 128, 256), (12, 256, 256), (14, 256, 256)];

    readonly Sequential _features;

    /// <summary>The stack with PyTorch's default (random) initialisation; <see cref="Load"/> fills it from a file.</summary>
    /// <param name="dtype">The parameters' floating-point type (float32 by default).</param>
    public Vgg19Features(ScalarType? dtype = null) : base(nameof(Vgg19Features))
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        foreach (var (index, input, output) in Convolutions)
        {
            if (index is 5 or 10) layers.Add(nn.MaxPool2d(2, 2));
            layers.Add(nn.Conv2d(input, output, 3, padding: 1, dtype: dtype));
            if (index != 14) layers.Add(nn.ReLU(inplace: true));
        }
        _features = nn.Sequential(layers.ToArray());
        register_module("features", _features);
        foreach (var p in parameters()) p.requires_grad = false;
        eval();
    }

    /// <summary>The parameter names a weights file must hold (with or without the <c>features.</c> prefix).</summary>
    public static IReadOnlyList<string> ParameterNames { get; } =
        Convolutions.SelectMany(c => new[] { $"features.{c.Index}.weight", $"features.{c.Index}.bias" }).ToArray();

    /// <summary>conv3_3 features of <paramref name="input"/> [N, 3, H, W] (already normalised): [N, 256, H/4, W/4].</summary>
    public override Tensor forward(Tensor input) => _features.forward(input);

    /// <summary>
    /// Loads the weights from a safetensors file holding torchvision's names: the whole
    /// <c>vgg19().state_dict()</c> (only <c>features.0</c> to <c>features.14</c> are read) or
    /// <c>vgg19().features[:15].state_dict()</c> (<c>0.weight</c>, ...). scripts/export_vgg19_features.py
    /// writes such a file. The stack takes the file's floating-point type.
    /// </summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When tensors are missing or have the wrong shapes; lists them.</exception>
    public static Vgg19Features Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"VGG-19 weights file '{path}' does not exist. {ExportHint}", path);
        using var file = SafeTensors.Load(path);
        var state = new Dictionary<string, Tensor>();
        var missing = new List<string>();
        foreach (var name in ParameterNames)
        {
            if (file.TryGetValue(name, out var t) || file.TryGetValue(name["features.".Length..], out t)) state[name] = t;
            else missing.Add(name);
        }
        if (missing.Count > 0)
            throw new InvalidDataException($"'{path}' is not a VGG-19 feature file: it lacks {string.Join(", ", missing)} " +
                                           $"(it has {string.Join(", ", file.Tensors.Take(6).Select(kv => kv.Key))}{(file.Count > 6 ? ", ..." : "")}). {ExportHint}");
        var stored = state.Values.First().dtype;
        var network = new Vgg19Features(stored.IsFloatingPoint() ? stored : ScalarType.Float32);
        try
        {
            network.load_state_dict(state, strict: true);
        }
        catch (StateDictException e)
        {
            network.Dispose();
            throw new InvalidDataException($"'{path}' does not hold VGG-19's layer shapes: {string.Join("; ", e.Mismatched)}. {ExportHint}", e);
        }
        return network;
    }

    internal const string ExportHint =
        "Export torchvision's ImageNet VGG-19 once with `/usr/bin/python3 scripts/export_vgg19_features.py vgg19_features.safetensors` " +
        "(or from a downloaded vgg19-dcbb9e9d.pth with --checkpoint) and pass that file, or set " + PerceptualLoss.WeightsVariable + " to it.";
}
