namespace SegGanLab.Data;

/// <summary>
/// The embedded default dataset: procedurally drawn scenes of discs, squares, triangles, rings and
/// crosses on textured, noisy backgrounds, partly occluding each other. Shape and background
/// colours come from the same distribution, so the class of a pixel follows from the shape it
/// belongs to, never from its colour. Any size and count, no files, and sample i depends only on
/// (seed, i).
/// </summary>
public sealed class SyntheticDataset : SegmentationDataset
{
    /// <summary>The class names: background and the five shapes, in label order.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["background", "disc", "square", "triangle", "ring", "cross"];

    /// <summary>Creates the dataset.</summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="width">Image width in pixels (at least 16).</param>
    /// <param name="height">Image height in pixels (at least 16).</param>
    /// <param name="seed">Scenes of equal seeds are identical.</param>
    /// <param name="options">Scene parameters (null: <see cref="SyntheticOptions.Default"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">For a negative count or a side below 16 pixels.</exception>
    public SyntheticDataset(int count, int width = 48, int height = 48, long seed = 0, SyntheticOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (width < 16 || height < 16)
            throw new ArgumentOutOfRangeException(nameof(width), $"Synthetic scenes need at least 16x16 pixels to draw recognisable shapes; got {width}x{height}.");
        Options = options ?? SyntheticOptions.Default;
        Options.Validate();
        (Count, Width, Height, Seed) = (count, width, height, seed);
        Classes = new DatasetClasses(ClassNames, ClassPalettes.Distinct(ClassNames.Count), 255);
    }

    /// <inheritdoc/>
    public override string Name => $"Synthetic {Width}x{Height} seed {Seed}";

    /// <inheritdoc/>
    public override DatasetClasses Classes { get; }

    /// <inheritdoc/>
    public override int Count { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>The seed of every scene.</summary>
    public long Seed { get; }

    /// <summary>The scene parameters.</summary>
    public SyntheticOptions Options { get; }

    /// <inheritdoc/>
    public override string SampleName(int index) => $"synthetic-{Seed}-{index}";

    /// <inheritdoc/>
    protected override SegmentationSample Load(int index)
    {
        var random = new DataRandom(Seed, index, StreamKey);
        var (image, mask) = SceneRenderer.Render(Width, Height, Options, ref random);
        return new SegmentationSample(Width, Height, image, mask, (byte)Classes.IgnoreIndex, SampleName(index));
    }

    // Keeps scene streams apart from the loader's augmentation streams of the same seed.
    const long StreamKey = 0x5C3E;
}
