using System.Text.Json;
using SegGanLab.Tests;

namespace SegGanLab.Imaging.Tests.Interop;

/// <summary>What PIL decoded a file to.</summary>
public sealed record PilImage(string File, string Mode, int Width, int Height, int Channels, byte[] Pixels, Palette? Palette)
{
    /// <summary>Asserts <paramref name="actual"/> holds exactly these samples (and palette colours, when PIL saw a palette).</summary>
    public void AssertSame(ImageData actual)
    {
        Assert.True((Width, Height, Channels) == (actual.Width, actual.Height, actual.Channels),
            $"{File}: PIL decoded {Width}x{Height}x{Channels} ({Mode}), SegGanLab {actual.Width}x{actual.Height}x{actual.Channels}");
        ImageAssert.Samples(Pixels, actual.Pixels, Width, Channels, $"{File} (PIL mode {Mode})");
        if (Palette is null) return;
        Assert.NotNull(actual.Palette);
        // PIL pads palettes to 256 entries.
        Assert.Equal(actual.Palette.Colors, Palette.Colors.Take(actual.Palette.Count));
        Assert.Equal(actual.Palette.Alphas?.ToArray() ?? [], Palette.Alphas?.ToArray() ?? []);
    }
}

/// <summary>Runs Interop/pil_decode.py with Debian's Python and PIL, never a mock.</summary>
public static class Pil
{
    /// <summary>PIL's decodes of <paramref name="files"/>, optionally converted to <paramref name="mode"/> ("RGB", "L") first.</summary>
    public static IReadOnlyList<PilImage> Decode(IEnumerable<string> files, string? mode = null)
    {
        var args = (mode is null ? Array.Empty<string>() : ["--mode", mode]).Concat(files).ToArray();
        using var doc = PythonProcess.RunJson(Path.Combine(AppContext.BaseDirectory, "Interop", "pil_decode.py"), args);
        return doc.RootElement.EnumerateArray().Select(Read).ToArray();
    }

    static PilImage Read(JsonElement e)
    {
        Palette? palette = null;
        if (e.GetProperty("palette") is { ValueKind: JsonValueKind.Array } p)
        {
            var colors = p.EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetByte()).ToArray()).Select(c => new Rgb24(c[0], c[1], c[2]));
            var alpha = e.GetProperty("alpha") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(v => v.GetByte()) : null;
            palette = new Palette(colors, alpha);
        }
        return new PilImage(e.GetProperty("file").GetString()!, e.GetProperty("mode").GetString()!, e.GetProperty("width").GetInt32(),
            e.GetProperty("height").GetInt32(), e.GetProperty("channels").GetInt32(),
            Convert.FromBase64String(e.GetProperty("pixels").GetString()!), palette);
    }
}
