using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>
/// Perceptual (content) loss of DeblurGAN: mean squared error between the VGG-19 conv3_3 features
/// (<see cref="Vgg19Features"/>) of the output and of the target image. Images are mapped from
/// <see cref="Range"/> to [0, 1] and normalised with ImageNet's mean and std; single-channel images
/// are repeated to three channels. The target's features carry no gradient. Weights load once, on
/// first use, from the given file or the file named by <see cref="WeightsVariable"/>; nothing is
/// downloaded; disposing the loss (or an expression holding it) frees the stack it loaded. Name:
/// <c>perceptual</c>.
/// </summary>
public sealed class PerceptualLoss : ImageLoss
{
    /// <summary>The environment variable naming the weights file when none is given.</summary>
    public const string WeightsVariable = "SEGGAN_VGG19_WEIGHTS";

    static readonly double[] ImageNetMean = [0.485, 0.456, 0.406];
    static readonly double[] ImageNetStd = [0.229, 0.224, 0.225];

    readonly string? _path;
    readonly bool _ownsNetwork;
    Vgg19Features? _network;

    /// <summary>Creates the loss; the weights load from <paramref name="weightsPath"/> (or <see cref="WeightsVariable"/>) on first use.</summary>
    public PerceptualLoss(string? weightsPath = null, ImageRange range = ImageRange.MinusOneToOne) : base("perceptual")
    {
        _path = weightsPath;
        _ownsNetwork = true;
        Range = range;
    }

    /// <summary>Creates the loss on an already loaded feature stack, which stays the caller's to dispose.</summary>
    public PerceptualLoss(Vgg19Features network, ImageRange range = ImageRange.MinusOneToOne) : base("perceptual")
    {
        _network = network ?? throw new ArgumentNullException(nameof(network));
        Range = range;
    }

    /// <summary>The range of the images this loss is given.</summary>
    public ImageRange Range { get; }

    /// <summary>The weights file: the one given, else the value of <see cref="WeightsVariable"/>, else null.</summary>
    public string? WeightsPath => _path ?? (Environment.GetEnvironmentVariable(WeightsVariable) is { Length: > 0 } p ? p : null);

    /// <inheritdoc/>
    protected override string Configuration =>
        $"weights: {(_ownsNetwork ? WeightsPath ?? "none" : $"given #{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_network)}")}, range: {Range}";

    /// <inheritdoc/>
    protected override IEnumerable<string> ConfigurationProblems(LossSetup setup)
    {
        if (_network is not null) yield break;
        if (WeightsPath is not { } path)
            yield return $"loss term '{Name}' needs VGG-19 weights: none given and {WeightsVariable} is not set. {Vgg19Features.ExportHint}";
        else if (!File.Exists(path))
            yield return $"loss term '{Name}': the VGG-19 weights file '{path}' does not exist. {Vgg19Features.ExportHint}";
    }

    private protected override Tensor Loss(Tensor output, Tensor target)
    {
        var network = Network(output);
        var outputFeatures = network.forward(Normalize(output));
        Tensor targetFeatures;
        using (no_grad()) targetFeatures = network.forward(Normalize(target));
        return F.mse_loss(outputFeatures, targetFeatures);
    }

    /// <summary>Frees the feature stack when this loss loaded it (it loads again when next used).</summary>
    protected internal override void ReleaseResources()
    {
        if (!_ownsNetwork) return;
        _network?.Dispose();
        _network = null;
    }

    Vgg19Features Network(Tensor like)
    {
        if (_network is null)
        {
            var path = WeightsPath ?? throw new LossConfigurationException(
                $"loss term '{Name}' needs VGG-19 weights: none given and {WeightsVariable} is not set. {Vgg19Features.ExportHint}");
            _network = Vgg19Features.Load(path);
        }
        var first = _network.parameters().First();
        if (first.device != like.device) _network.to(like.device);
        if (first.dtype != like.dtype) _network.to(like.dtype);
        return _network;
    }

    Tensor Normalize(Tensor image)
    {
        var channels = image.dim() == 4 ? image.size(1) : 0;
        if (channels is not (1 or 3))
            throw new LossInputException($"{Name}: images must be [N, 3, H, W] (or [N, 1, H, W], repeated to RGB); got {SegmentationBatch.Text(image.shape)}.");
        var rgb = channels == 1 ? image.expand(-1, 3, -1, -1) : image;
        var unit = Range == ImageRange.MinusOneToOne ? (rgb + 1) / 2 : rgb;
        using var mean = tensor(ImageNetMean, [1, 3, 1, 1]);
        using var std = tensor(ImageNetStd, [1, 3, 1, 1]);
        return (unit - mean.to(image.dtype, image.device)) / std.to(image.dtype, image.device);
    }
}
