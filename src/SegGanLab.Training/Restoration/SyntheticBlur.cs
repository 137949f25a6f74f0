using SegGanLab.Data;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Training;

/// <summary>
/// Blurs batches of sharp images with one synthetic kernel per sample (<see cref="BlurKernels"/>),
/// keyed by (seed, stream, dataset index): the same sample in the same epoch always gets the same
/// blur, whatever the batch, the worker count or a resume. Images are reflection-padded, so the
/// output keeps their size.
/// </summary>
public sealed class SyntheticBlur
{
    const long BlurKey = 0xB1A7;

    /// <summary>Creates the blur.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For invalid options.</exception>
    public SyntheticBlur(BlurOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The kernels' options.</summary>
    public BlurOptions Options { get; }

    /// <summary>The kernel of sample <paramref name="index"/> in <paramref name="stream"/> (the epoch in training, -1 for validation).</summary>
    public float[] Kernel(long seed, long stream, int index)
    {
        var random = new DataRandom(seed, stream, index, BlurKey);
        return BlurKernels.Create(Options, ref random);
    }

    /// <summary>
    /// <paramref name="images"/> [N, C, H, W] blurred, sample k with the kernel of dataset index
    /// <paramref name="indices"/>[k]; a new tensor.
    /// </summary>
    /// <exception cref="ArgumentException">When the images are smaller than the kernel or the indices do not match the batch.</exception>
    public Tensor Apply(Tensor images, IReadOnlyList<int> indices, long seed, long stream)
    {
        var shape = images.shape;
        var k = Options.KernelSize;
        if (shape.Length != 4 || shape[0] != indices.Count)
            throw new ArgumentException($"SyntheticBlur needs images [N, C, H, W] with one dataset index per image; got [{string.Join(", ", shape)}] and {indices.Count} indices.", nameof(images));
        if (shape[2] <= k / 2 || shape[3] <= k / 2)
            throw new ArgumentException($"Images of {shape[2]}x{shape[3]} are too small for {k}x{k} blur kernels: use BlurOptions.KernelSize of at most {2 * Math.Min(shape[2], shape[3]) - 1} or larger images.", nameof(images));
        var (n, c) = (shape[0], shape[1]);
        var kernels = new float[n * k * k];
        for (var s = 0; s < n; s++) Kernel(seed, stream, indices[s]).CopyTo(kernels, s * k * k);
        using var scope = NewDisposeScope();
        // Every channel of every sample is its own group: one grouped convolution blurs the batch.
        var weight = tensor(kernels, [n, 1, k, k], images.device).to(images.dtype).expand(n, c, k, k).reshape(n * c, 1, k, k);
        var padded = F.pad(images.reshape(1, n * c, shape[2], shape[3]), [k / 2, k / 2, k / 2, k / 2], PaddingModes.Reflect);
        return scope.MoveToOuter(F.conv2d(padded, weight, groups: n * c).reshape(shape));
    }
}
