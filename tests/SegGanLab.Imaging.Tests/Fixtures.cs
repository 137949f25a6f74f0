using System.Text.Json;

namespace SegGanLab.Imaging.Tests;

/// <summary>What a fixture must decode to in one <see cref="ColorMode"/>, or the error it must raise.</summary>
public sealed record FixtureExpectation(int Width, int Height, int Channels, byte[] Pixels, Palette? Palette, string? Error);

/// <summary>One file of Fixtures/, written by an independent encoder, with its header and decodes.</summary>
public sealed record Fixture(string File, ImageFormat Format, string Covers, ImageInfo Info,
    IReadOnlyDictionary<ColorMode, FixtureExpectation> Expected, ushort[]? Samples16)
{
    /// <summary>The file's path in the test output.</summary>
    public string Path => Fixtures.PathOf(File);

    /// <summary>The file's bytes.</summary>
    public byte[] Bytes => System.IO.File.ReadAllBytes(Path);
}

/// <summary>
/// The fixtures tests/golden/make_imaging_fixtures.py wrote (Fixtures/fixtures.json): PNG and JPEG
/// files made by PIL, ImageMagick and the script's own specification-level PNG writer, with what
/// PIL (or, for 16-bit samples, ImageMagick) decodes them to.
/// </summary>
public static class Fixtures
{
    static readonly Lazy<IReadOnlyList<Fixture>> Loaded = new(Load);

    /// <summary>Every fixture.</summary>
    public static IReadOnlyList<Fixture> All => Loaded.Value;

    /// <summary>The fixture written to <paramref name="file"/>.</summary>
    public static Fixture Get(string file) =>
        All.FirstOrDefault(f => f.File == file) ?? throw new KeyNotFoundException($"No fixture {file}; see Fixtures/fixtures.json.");

    /// <summary>The path of a fixture file in the test output.</summary>
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", file);

    /// <summary>Every fixture file with every mode, for theories.</summary>
    public static TheoryData<string, ColorMode> FilesAndModes()
    {
        var data = new TheoryData<string, ColorMode>();
        foreach (var f in All)
            foreach (var mode in Enum.GetValues<ColorMode>())
                data.Add(f.File, mode);
        return data;
    }

    /// <summary>Every fixture file, for theories.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in All) data.Add(f.File);
        return data;
    }

    static IReadOnlyList<Fixture> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(PathOf("fixtures.json")));
        return doc.RootElement.GetProperty("fixtures").EnumerateArray().Select(ReadFixture).ToArray();
    }

    static Fixture ReadFixture(JsonElement f)
    {
        var i = f.GetProperty("info");
        var format = Enum.Parse<ImageFormat>(f.GetProperty("format").GetString()!);
        var info = new ImageInfo(i.GetProperty("width").GetInt32(), i.GetProperty("height").GetInt32(), format,
            Enum.Parse<ImageColorType>(i.GetProperty("color_type").GetString()!), i.GetProperty("bit_depth").GetInt32(),
            i.GetProperty("interlaced").GetBoolean(), i.GetProperty("palette_size").GetInt32());
        var expected = f.GetProperty("expected").EnumerateObject()
            .ToDictionary(p => Enum.Parse<ColorMode>(p.Name), p => ReadExpectation(p.Value));
        var samples16 = f.TryGetProperty("samples16", out var s16)
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(Convert.FromBase64String(s16.GetString()!)).ToArray()
            : null;
        return new Fixture(f.GetProperty("file").GetString()!, format, f.GetProperty("covers").GetString()!, info, expected, samples16);
    }

    static FixtureExpectation ReadExpectation(JsonElement e)
    {
        if (e.TryGetProperty("error", out var error)) return new(0, 0, 0, [], null, error.GetString());
        Palette? palette = null;
        if (e.GetProperty("palette") is { ValueKind: JsonValueKind.Array } colors)
        {
            var rgb = colors.EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetByte()).ToArray())
                .Select(c => new Rgb24(c[0], c[1], c[2]));
            var alpha = e.GetProperty("alpha") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(v => v.GetByte()) : null;
            palette = new Palette(rgb, alpha);
        }
        return new(e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32(), e.GetProperty("channels").GetInt32(),
            Convert.FromBase64String(e.GetProperty("pixels").GetString()!), palette, null);
    }
}
