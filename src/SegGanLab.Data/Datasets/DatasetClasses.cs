using SegGanLab.Imaging;

namespace SegGanLab.Data;

/// <summary>
/// What a dataset's labels mean: the class names (label k is <c>Names[k]</c>), a colour per
/// class, the ignore index and whether the task is binary. The training layer writes it to the
/// run folder's <c>classes.json</c>; losses and metrics take the class count and ignore index
/// from here.
/// </summary>
public sealed class DatasetClasses
{
    /// <summary>Creates a class description.</summary>
    /// <param name="names">One name per class, in label order.</param>
    /// <param name="palette">One colour per class (null: <see cref="ClassPalettes.Distinct"/>).</param>
    /// <param name="ignoreIndex">The label excluded from losses and metrics; 0..255 and not a class index.</param>
    /// <param name="binary">True for two-class foreground/background tasks (masks hold 0 and 1).</param>
    /// <exception cref="ArgumentException">For an empty or duplicate name, a palette of the wrong size, or an ignore index that is a class.</exception>
    public DatasetClasses(IReadOnlyList<string> names, Palette? palette = null, int ignoreIndex = 255, bool binary = false)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0) throw new ArgumentException("A dataset needs at least one class name.", nameof(names));
        if (names.Count > 255) throw new ArgumentException($"{names.Count} classes given; labels are stored in one byte, so at most 255 classes (plus the ignore index) are supported.", nameof(names));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            if (string.IsNullOrWhiteSpace(n)) throw new ArgumentException("Class names must not be empty.", nameof(names));
            if (!seen.Add(n)) throw new ArgumentException($"The class name '{n}' appears twice; class names must be unique.", nameof(names));
        }
        if (ignoreIndex is < 0 or > 255)
            throw new ArgumentException($"The ignore index {ignoreIndex} does not fit a byte label map; use a value in 0..255 (255 is usual).", nameof(ignoreIndex));
        if (ignoreIndex < names.Count)
            throw new ArgumentException($"The ignore index {ignoreIndex} is also class '{names[ignoreIndex]}'; use a value of at least {names.Count} (255 is usual).", nameof(ignoreIndex));
        if (binary && names.Count != 2)
            throw new ArgumentException($"A binary dataset has exactly 2 classes (background, foreground), got {names.Count}.", nameof(binary));
        palette ??= ClassPalettes.Distinct(names.Count);
        if (palette.Count < names.Count)
            throw new ArgumentException($"The palette has {palette.Count} colours for {names.Count} classes; give one colour per class.", nameof(palette));
        (Names, Palette, IgnoreIndex, Binary) = (names.ToArray(), palette, ignoreIndex, binary);
    }

    /// <summary>The class names in label order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The number of classes (the ignore index not counted).</summary>
    public int Count => Names.Count;

    /// <summary>The colour of each class, in label order.</summary>
    public Palette Palette { get; }

    /// <summary>The label excluded from losses and metrics (also the padding value of masks).</summary>
    public int IgnoreIndex { get; }

    /// <summary>True for two-class foreground/background tasks.</summary>
    public bool Binary { get; }

    /// <summary>The colour used for ignored pixels when label maps are drawn.</summary>
    public static Rgb24 IgnoreColor { get; } = new(224, 224, 192);

    /// <summary>
    /// A 256-entry palette for writing label maps as palette PNGs: the class colours, the ignore
    /// colour at the ignore index and black elsewhere.
    /// </summary>
    public Palette LabelPalette()
    {
        var colors = new Rgb24[256];
        for (var k = 0; k < Count; k++) colors[k] = Palette[k];
        colors[IgnoreIndex] = IgnoreColor;
        return new Palette(colors);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Count} classes ({string.Join(", ", Names.Take(6))}{(Count > 6 ? ", ..." : "")}), ignore {IgnoreIndex}{(Binary ? ", binary" : "")}";
}
