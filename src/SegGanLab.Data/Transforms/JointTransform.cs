namespace SegGanLab.Data;

/// <summary>
/// A transform applied to an image and its label map together, so they stay aligned: geometric
/// transforms resample the image bilinearly and the mask by nearest neighbour, and fill new mask
/// pixels with the ignore index. Transforms draw their randomness only from the
/// <see cref="DataRandom"/> they are given, so the loader can make it a function of
/// (seed, epoch, sample index). They may change the sample's buffers in place.
/// </summary>
public abstract class JointTransform
{
    /// <summary>Transforms <paramref name="sample"/> (possibly in place) and returns the result.</summary>
    public abstract SegmentationSample Apply(SegmentationSample sample, ref DataRandom random);

    /// <summary>A short description for logs, e.g. <c>RandomCrop(256x256)</c>.</summary>
    public abstract override string ToString();
}
