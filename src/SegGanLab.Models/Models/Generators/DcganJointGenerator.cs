using System.Numerics;
using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// A DCGAN-style generator (Radford et al. 2016) that draws image/mask pairs from noise, for GAN data
/// augmentation: z [N, LatentSize] (or [N, LatentSize, 1, 1]) goes through a 4x4 transposed
/// convolution and stride-2 transposed convolutions halving the width (batch norm, ReLU, no biases),
/// then two heads share the last upsampling: the image in tanh range [N, ImageChannels, S, S] and the
/// mask logits [N, NumClasses, S, S], so every image comes with its own label map.
/// </summary>
public sealed class DcganJointGenerator : nn.Module<Tensor, (Tensor Image, Tensor MaskLogits)>
{
    readonly Sequential trunk, imageHead;
    readonly ConvTranspose2d maskHead;

    /// <summary>Builds the generator; see <see cref="Models.DcganJoint"/> for the options.</summary>
    public DcganJointGenerator(long latentSize, long numClasses, long imageChannels, long outputSize, long baseWidth)
        : base(nameof(DcganJointGenerator))
    {
        Require.Positive(Name, nameof(latentSize), latentSize);
        Require.Positive(Name, nameof(numClasses), numClasses);
        Require.Positive(Name, nameof(imageChannels), imageChannels);
        Require.Positive(Name, nameof(baseWidth), baseWidth);
        if (outputSize < 8 || outputSize > 1024 || !BitOperations.IsPow2(outputSize))
            throw new ModelOptionsException(nameof(outputSize), $"{Name}: outputSize must be a power of two from 8 to 1024; got {outputSize}.");
        (LatentSize, NumClasses, ImageChannels, OutputSize, BaseWidth) = (latentSize, numClasses, imageChannels, outputSize, baseWidth);
        // 4x4 after the first layer, doubling up to S/2 in the trunk; the heads make the last doubling.
        var ups = BitOperations.Log2((ulong)outputSize) - 3;
        var width = baseWidth << ups;
        var seq = new List<nn.Module<Tensor, Tensor>> { nn.ConvTranspose2d(latentSize, width, 4, stride: 1, padding: 0, bias: false), nn.BatchNorm2d(width), nn.ReLU() };
        for (var k = 0; k < ups; k++, width /= 2)
        {
            seq.Add(nn.ConvTranspose2d(width, width / 2, 4, stride: 2, padding: 1, bias: false));
            seq.Add(nn.BatchNorm2d(width / 2));
            seq.Add(nn.ReLU());
        }
        trunk = nn.Sequential([.. seq]);
        imageHead = nn.Sequential(nn.ConvTranspose2d(baseWidth, imageChannels, 4, stride: 2, padding: 1, bias: false), nn.Tanh());
        // The mask head keeps a bias: per-class offsets are what logits need for unbalanced classes.
        maskHead = nn.ConvTranspose2d(baseWidth, numClasses, 4, stride: 2, padding: 1);
        register_module(nameof(trunk), trunk);
        register_module(nameof(imageHead), imageHead);
        register_module(nameof(maskHead), maskHead);
    }

    /// <summary>Noise dimensions.</summary>
    public long LatentSize { get; }
    /// <summary>Mask classes.</summary>
    public long NumClasses { get; }
    /// <summary>Image channels.</summary>
    public long ImageChannels { get; }
    /// <summary>Side of the generated images and masks.</summary>
    public long OutputSize { get; }
    /// <summary>Channels of the trunk's last layer.</summary>
    public long BaseWidth { get; }
    /// <summary>Parameter elements.</summary>
    public long ParameterCount => parameter_count();

    /// <summary>The image (tanh range) and mask logits for noise <paramref name="input"/>.</summary>
    public override (Tensor Image, Tensor MaskLogits) forward(Tensor input)
    {
        var s = input.shape;
        if (!(s.Length == 2 || s.Length == 4 && s[2] == 1 && s[3] == 1) || s[1] != LatentSize)
            throw new ModelInputException(Name, s, $"{Name}: expects noise [N, {LatentSize}] or [N, {LatentSize}, 1, 1]; got {ImageModel.Describe(s)}: draw it with torch.randn(n, {LatentSize}) or use Sample(n).");
        if (!input.dtype.IsFloatingPoint())
            throw new ModelInputException(Name, s, $"{Name}: expects floating-point noise; got {input.dtype.ToTorchName()}.");
        using var scope = NewDisposeScope();
        var features = ShapeTrace.Run(trunk, input.view(s[0], LatentSize, 1, 1));
        var image = ShapeTrace.Run(imageHead, features);
        var mask = ShapeTrace.Run(maskHead, features);
        return (scope.MoveToOuter(image), scope.MoveToOuter(mask));
    }

    /// <summary>Draws <paramref name="count"/> noise vectors ~ N(0, 1) and generates their pairs.</summary>
    public (Tensor Image, Tensor MaskLogits) Sample(long count, Generator? generator = null)
    {
        var first = parameters().First();
        using var z = randn([count, LatentSize], first.dtype, first.device, generator: generator);
        return forward(z);
    }

    /// <summary>The module tree with output shapes for a batch of <paramref name="batch"/> noise vectors.</summary>
    public ModelSummary Summary(long batch = 1, int depth = 3) =>
        ModelSummary.Trace(this, [batch, LatentSize], z => { var (image, mask) = forward(z); return [image, mask]; }, depth);
}
