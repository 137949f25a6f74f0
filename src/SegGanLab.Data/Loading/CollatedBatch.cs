using System.Buffers;
using SegGanLab.Torch;

namespace SegGanLab.Data;

/// <summary>
/// A batch collated into pooled managed buffers on a worker thread: normalised image planes and
/// labels. It becomes tensors on the consumer's thread (<see cref="ToBatch"/>), so the tensors join
/// the consumer's dispose scope; until then it holds no native memory.
/// </summary>
internal sealed class CollatedBatch
{
    float[]? _images;
    byte[]? _masks;

    CollatedBatch(float[] images, byte[] masks, int count, int width, int height, int[] indices, string[] names, LoaderPosition position) =>
        (_images, _masks, Count, Width, Height, Indices, Names, Position) = (images, masks, count, width, height, indices, names, position);

    public int Count { get; }
    public int Width { get; }
    public int Height { get; }
    public int[] Indices { get; }
    public string[] Names { get; }
    public LoaderPosition Position { get; }

    /// <summary>Normalises and stacks <paramref name="samples"/>, which must share one size.</summary>
    /// <exception cref="DatasetException">When the samples differ in size.</exception>
    public static CollatedBatch Collate(IReadOnlyList<SegmentationSample> samples, int[] indices, Normalization normalization, LoaderPosition position)
    {
        var first = samples[0];
        int w = first.Width, h = first.Height, plane = w * h;
        foreach (var s in samples)
            if (s.Width != w || s.Height != h)
                throw new DatasetException(
                    $"Samples of one batch differ in size: '{first.Name}' is {w}x{h} after the transforms but '{s.Name}' is {s.Width}x{s.Height}. " +
                    "Add Resize or RandomCrop to the transforms so every sample has the same size, or use batch size 1.", s.Name);
        var images = ArrayPool<float>.Shared.Rent(samples.Count * 3 * plane);
        var masks = ArrayPool<byte>.Shared.Rent(samples.Count * plane);
        for (var k = 0; k < samples.Count; k++)
        {
            normalization.Normalize(samples[k].Image, images.AsSpan(k * 3 * plane, 3 * plane));
            samples[k].Mask.CopyTo(masks.AsSpan(k * plane, plane));
        }
        return new CollatedBatch(images, masks, samples.Count, w, h, indices, samples.Select(s => s.Name).ToArray(), position);
    }

    /// <summary>Makes the tensors (on the calling thread, so they join its dispose scope) and returns the buffers to the pool.</summary>
    public Batch ToBatch(Device device)
    {
        var (images, masks) = (_images, _masks);
        if (images is null || masks is null) throw new InvalidOperationException("This batch was already turned into tensors or released.");
        var plane = Width * Height;
        Tensor? imageTensor = null;
        try
        {
            imageTensor = torch.tensor<float>(images.AsSpan(0, Count * 3 * plane), [Count, 3, Height, Width], device);
            using var raw = torch.tensor<byte>(masks.AsSpan(0, Count * plane), [Count, Height, Width]);
            var maskTensor = raw.to(ScalarType.Int64, device);
            Release();
            return new Batch(imageTensor, maskTensor, Indices, Names, Position);
        }
        catch
        {
            imageTensor?.Dispose();
            Release();
            throw;
        }
    }

    /// <summary>Returns the buffers to the pool (idempotent).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _images, null) is { } images) ArrayPool<float>.Shared.Return(images);
        if (Interlocked.Exchange(ref _masks, null) is { } masks) ArrayPool<byte>.Shared.Return(masks);
    }
}
