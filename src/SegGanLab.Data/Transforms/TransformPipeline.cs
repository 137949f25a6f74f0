namespace SegGanLab.Data;

/// <summary>
/// An ordered list of joint transforms and the normalisation applied when samples become tensors.
/// Immutable: the fluent methods return a new pipeline, so one can be shared by several loaders.
/// </summary>
/// <example><code>
/// var train = TransformPipeline.Empty
///     .RandomScale(0.5, 2.0).RandomCrop(256, 256).HorizontalFlip()
///     .ColorJitter(brightness: 0.2, contrast: 0.2, saturation: 0.2, hue: 0.05)
///     .Normalize(Normalization.ImageNet);
/// // or as a list: new TransformPipeline([new RandomCrop(256, 256), new HorizontalFlip()])
/// </code></example>
public sealed class TransformPipeline
{
    /// <summary>Creates a pipeline from <paramref name="steps"/> (applied in order) and a normalisation (null: ImageNet).</summary>
    public TransformPipeline(IEnumerable<JointTransform> steps, Normalization? normalization = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps.ToArray();
        if (Steps.Any(s => s is null)) throw new ArgumentException("A transform pipeline's steps must not be null.", nameof(steps));
        Normalization = normalization ?? Normalization.ImageNet;
    }

    /// <summary>No transforms, ImageNet normalisation.</summary>
    public static TransformPipeline Empty { get; } = new([]);

    /// <summary>The joint transforms, in order.</summary>
    public IReadOnlyList<JointTransform> Steps { get; }

    /// <summary>How images are normalised when they become tensors.</summary>
    public Normalization Normalization { get; }

    /// <summary>This pipeline followed by <paramref name="step"/>.</summary>
    public TransformPipeline Then(JointTransform step) => new(Steps.Append(step ?? throw new ArgumentNullException(nameof(step))), Normalization);

    /// <summary>Adds <see cref="Data.Resize"/>.</summary>
    public TransformPipeline Resize(int width, int height) => Then(new Resize(width, height));

    /// <summary>Adds <see cref="Data.RandomScale"/>.</summary>
    public TransformPipeline RandomScale(double min = 0.5, double max = 2.0) => Then(new RandomScale(min, max));

    /// <summary>Adds <see cref="Data.RandomCrop"/>.</summary>
    public TransformPipeline RandomCrop(int width, int height) => Then(new RandomCrop(width, height));

    /// <summary>Adds <see cref="Data.PadToMultiple"/>.</summary>
    public TransformPipeline PadToMultiple(int multiple) => Then(new PadToMultiple(multiple));

    /// <summary>Adds <see cref="Data.HorizontalFlip"/>.</summary>
    public TransformPipeline HorizontalFlip(double probability = 0.5) => Then(new HorizontalFlip(probability));

    /// <summary>Adds <see cref="Data.RandomRotation"/>.</summary>
    public TransformPipeline RandomRotation(double degrees, double probability = 1.0) => Then(new RandomRotation(degrees, probability));

    /// <summary>Adds <see cref="Data.ColorJitter"/>.</summary>
    public TransformPipeline ColorJitter(double brightness = 0, double contrast = 0, double saturation = 0, double hue = 0) =>
        Then(new ColorJitter(brightness, contrast, saturation, hue));

    /// <summary>The same steps with another normalisation.</summary>
    public TransformPipeline Normalize(Normalization normalization) => new(Steps, normalization ?? throw new ArgumentNullException(nameof(normalization)));

    /// <summary>The same steps with normalisation by per-channel <paramref name="mean"/> and <paramref name="std"/> (0..1 scale).</summary>
    public TransformPipeline Normalize(IReadOnlyList<double> mean, IReadOnlyList<double> std) => Normalize(new Normalization(mean, std));

    /// <summary>Runs every step on <paramref name="sample"/>, drawing randomness from <paramref name="random"/>.</summary>
    public SegmentationSample Apply(SegmentationSample sample, ref DataRandom random)
    {
        foreach (var step in Steps) sample = step.Apply(sample, ref random);
        return sample;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(" -> ", Steps.Select(s => s.ToString()).Append(Normalization.ToString()));
}
