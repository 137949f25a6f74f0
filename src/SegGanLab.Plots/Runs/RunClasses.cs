using System.Text.Json;
using SegGanLab.Imaging;

namespace SegGanLab.Plots;

/// <summary><c>classes.json</c>: the dataset's class names, palette and ignore index.</summary>
/// <param name="Names">Class names in index order.</param>
/// <param name="Palette">One colour per class (masks are drawn in it).</param>
/// <param name="IgnoreIndex">The label of pixels that are not scored (255 by default), or null.</param>
/// <param name="Binary">Whether the dataset is a binary (foreground/background) one.</param>
public sealed record RunClasses(IReadOnlyList<string> Names, IReadOnlyList<Rgb24> Palette, int? IgnoreIndex, bool Binary)
{
    /// <summary>The colour of class <paramref name="index"/> (a fixed distinct colour past the palette's end).</summary>
    public Rgb24 ColorOf(int index) => index < Palette.Count ? Palette[index] : ChartStyle.Category(index);

    /// <summary>Classes coloured with distinct default colours, for data that comes without a palette.</summary>
    public static RunClasses Default(IReadOnlyList<string> names, int? ignoreIndex = 255) =>
        new(names, names.Select((_, i) => ChartStyle.Category(i)).ToArray(), ignoreIndex, names.Count == 2);

    internal static RunClasses Read(string path)
    {
        using var doc = JsonFields.ParseFile(path);
        var root = JsonFields.Object(doc.RootElement, path);
        if (!JsonFields.TryGet(root, "names", out var names) || names.ValueKind != JsonValueKind.Array)
            throw new RunFolderException($"{path}: needs \"names\", the class names in index order.");
        var list = names.EnumerateArray().Select((n, i) => n.ValueKind == JsonValueKind.String ? n.GetString()!
            : throw new RunFolderException($"{path}: names[{i}] should be a string, got {n.GetRawText()}.")).ToArray();
        var palette = new List<Rgb24>();
        if (JsonFields.TryGet(root, "palette", out var colors))
            foreach (var (c, i) in colors.EnumerateArray().Select((c, i) => (c, i)))
                palette.Add(ReadColor(c, $"{path} palette[{i}]"));
        for (var i = palette.Count; i < list.Length; i++) palette.Add(ChartStyle.Category(i));
        int? ignore = JsonFields.TryGet(root, "ignore_index", out var ig) && ig.TryGetInt32(out var v) ? v : null;
        var binary = JsonFields.TryGet(root, "binary", out var b) && b.ValueKind == JsonValueKind.True;
        return new RunClasses(list, palette, ignore, binary);
    }

    static Rgb24 ReadColor(JsonElement c, string where)
    {
        if (c.ValueKind != JsonValueKind.Array || c.GetArrayLength() != 3 || c.EnumerateArray().Any(x => !x.TryGetByte(out _)))
            throw new RunFolderException($"{where}: a palette colour is [r, g, b] with values 0-255, got {c.GetRawText()}.");
        var rgb = c.EnumerateArray().Select(x => x.GetByte()).ToArray();
        return new Rgb24(rgb[0], rgb[1], rgb[2]);
    }
}
