namespace SegGanLab.Imaging.Tests.Png;

/// <summary>Encode then decode gives back every sample and the palette, for every format the encoder writes.</summary>
public sealed class PngEncoderTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 1, 1, 4 }, { 7, 1, 3 }, { 1, 9, 2 }, { 13, 11, 1 }, { 13, 11, 2 }, { 13, 11, 3 }, { 13, 11, 4 }, { 64, 40, 3 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RoundTrip_NoiseAndSmooth_AreIdentical(int width, int height, int channels)
    {
        foreach (var image in new[] { TestImages.Noise(width, height, channels, 1), TestImages.Smooth(width, height, channels, 2) })
        {
            var decoded = ImageFile.Decode(ImageFile.EncodePng(image));
            ImageAssert.Equal(image, decoded, $"{width}x{height}x{channels}");
            var info = ImageFile.Identify(ImageFile.EncodePng(image));
            Assert.Equal((8, false), (info.BitDepth, info.Interlaced));
        }
    }

    [Theory]
    [InlineData(2, 2, 1)]
    [InlineData(3, 4, 2)]
    [InlineData(4, 4, 2)]
    [InlineData(5, 12, 4)]
    [InlineData(16, 16, 4)]
    [InlineData(17, 21, 8)]
    [InlineData(21, 256, 8)]
    public void Palette_IsPackedToTheFewestBits_AndKeepsIndicesAndColours(int classes, int paletteSize, int expectedDepth)
    {
        var mask = TestImages.Mask(29, 7, classes, paletteSize, seed: classes);
        var png = ImageFile.EncodePng(mask);
        var info = ImageFile.Identify(png);
        Assert.Equal((ImageColorType.Palette, expectedDepth, paletteSize), (info.ColorType, info.BitDepth, info.PaletteSize));
        ImageAssert.Equal(mask, ImageFile.Decode(png, ColorMode.Labels), "labels");
        ImageAssert.Equal(mask, ImageFile.Decode(png), "auto");
    }

    [Fact]
    public void PaletteAlpha_IsWrittenAsTrns_AndReadBack()
    {
        var mask = TestImages.Mask(10, 10, 6, 6, seed: 3, alpha: true);
        var decoded = ImageFile.Decode(ImageFile.EncodePng(mask));
        Assert.True(decoded.Palette!.HasAlpha);
        Assert.Equal(mask.Palette, decoded.Palette);
    }

    [Fact]
    public void IndicesBeyondThePalette_GetBlackEntries_SoTheFileStaysValid()
    {
        var mask = TestImages.Mask(12, 4, 3, 3, seed: 4);
        mask[0, 0] = 255; // the ignore index, with a 3-colour palette
        var decoded = ImageFile.Decode(ImageFile.EncodePng(mask), ColorMode.Labels);
        Assert.Equal(mask.Pixels, decoded.Pixels);
        Assert.Equal(256, decoded.Palette!.Count);
        Assert.Equal(mask.Palette!.Colors, decoded.Palette.Colors.Take(3));
        Assert.All(decoded.Palette.Colors.Skip(3), c => Assert.Equal(new Rgb24(0, 0, 0), c));
    }

    [Fact]
    public void PaletteImage_ReadAsRgb_ShowsThePaletteColours()
    {
        var mask = TestImages.Mask(9, 5, 4, 4, seed: 5);
        var rgb = ImageFile.Decode(ImageFile.EncodePng(mask), ColorMode.Rgb);
        for (var y = 0; y < 5; y++)
            for (var x = 0; x < 9; x++)
                Assert.Equal(mask.Palette![mask[x, y]], new Rgb24(rgb[x, y, 0], rgb[x, y, 1], rgb[x, y, 2]));
    }

    [Fact]
    public void AdaptiveFiltering_BeatsDeflatingTheRawSamples_OnSmoothImages()
    {
        var image = TestImages.Smooth(160, 120, 3, 6);
        var png = ImageFile.EncodePng(image);
        using var raw = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(raw, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) z.Write(image.Pixels);
        Assert.True(png.Length < 0.8 * raw.Length, $"PNG {png.Length} bytes, deflated samples {raw.Length} bytes");
    }

    [Fact]
    public void WritePng_ReplacesTheFileAtomically_AndLeavesNoTemporaryFiles()
    {
        var dir = Directory.CreateTempSubdirectory("seggan-imaging-");
        try
        {
            var path = Path.Combine(dir.FullName, "sample.png");
            File.WriteAllText(path, "an older file");
            var image = TestImages.Smooth(20, 10, 3, 7);
            ImageFile.WritePng(path, image);
            ImageAssert.Equal(image, ImageFile.Read(path), path);
            Assert.Equal(["sample.png"], dir.GetFiles().Select(f => f.Name));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void WritePng_IntoAMissingFolder_NamesTheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "seggan-no-such-folder-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DirectoryNotFoundException>(() => ImageFile.WritePng(Path.Combine(folder, "x.png"), TestImages.Noise(2, 2, 1, 0)));
        Assert.Contains(folder, e.Message);
    }
}
