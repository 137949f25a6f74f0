namespace SegGanLab.Imaging.Tests;

/// <summary>
/// Every fixture (each PNG colour type and bit depth, Adam7, every filter, palettes with tRNS,
/// baseline/progressive/gray/CMYK JPEG) decodes exactly as PIL or ImageMagick decodes it, in every
/// <see cref="ColorMode"/>; modes a file cannot be read in raise the documented error.
/// </summary>
public sealed class FixtureDecodeTests
{
    public static TheoryData<string, ColorMode> FilesAndModes => Fixtures.FilesAndModes();
    public static TheoryData<string> Files => Fixtures.Files();

    [Theory]
    [MemberData(nameof(FilesAndModes))]
    public void Decode_MatchesTheIndependentDecoder(string file, ColorMode mode)
    {
        var fixture = Fixtures.Get(file);
        var expected = fixture.Expected[mode];
        if (expected.Error is { } error)
        {
            var e = Assert.Throws<ImageFormatException>(() => ImageFile.Decode(fixture.Bytes, mode, fixture.Path));
            Assert.Equal(fixture.Path, e.FilePath);
            Assert.Contains(error == "colour" ? "colour-to-class mapping" : "does not fit in 8 bits", e.Message);
            return;
        }
        ImageAssert.Equal(expected, ImageFile.Read(fixture.Path, mode), $"{file} ({fixture.Covers}) as {mode}");
    }

    [Theory]
    [MemberData(nameof(FilesAndModes))]
    public void DecodeInto_WritesTheSamePixels_IntoALargerReusedBuffer(string file, ColorMode mode)
    {
        var fixture = Fixtures.Get(file);
        var expected = fixture.Expected[mode];
        if (expected.Error is not null) return;
        var buffer = new byte[fixture.Info.ByteCountFor(mode) + 7];
        buffer.AsSpan().Fill(0xAB);
        var result = ImageFile.DecodeInto(fixture.Bytes, buffer, mode, file);
        Assert.Equal((expected.Width, expected.Height, expected.Channels), (result.Width, result.Height, result.Channels));
        ImageAssert.Samples(expected.Pixels, buffer.AsSpan(0, result.ByteCount), result.Width, result.Channels, $"{file} as {mode}");
        Assert.All(buffer[result.ByteCount..], b => Assert.Equal(0xAB, b));
        Assert.Equal(expected.Palette, result.Palette);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadInto_DecodesTheFileIntoAReusedBuffer(string file)
    {
        var fixture = Fixtures.Get(file);
        var expected = fixture.Expected[ColorMode.Rgb];
        var buffer = new byte[expected.Pixels.Length];
        for (var pass = 0; pass < 2; pass++)
        {
            var result = ImageFile.ReadInto(fixture.Path, buffer, ColorMode.Rgb);
            Assert.Equal((expected.Width, expected.Height, 3), (result.Width, result.Height, result.Channels));
            ImageAssert.Samples(expected.Pixels, buffer, result.Width, 3, $"{file} as Rgb, pass {pass}");
        }
        var e = Assert.Throws<ArgumentException>(() => ImageFile.ReadInto(fixture.Path, buffer.AsSpan(1), ColorMode.Rgb));
        Assert.Contains(fixture.Path, e.Message);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadInfo_ReportsTheHeader(string file)
    {
        var fixture = Fixtures.Get(file);
        Assert.Equal(fixture.Info, ImageFile.ReadInfo(fixture.Path));
        Assert.Equal(fixture.Info, ImageFile.Identify(fixture.Bytes, file));
    }

    [Fact]
    public void VocMask_ReadAsLabels_GivesClassIndicesAndBoundary255_NotColours()
    {
        var fixture = Fixtures.Get("voc_mask.png");
        var mask = ImageFile.Read(fixture.Path, ColorMode.Labels);
        Assert.Equal(1, mask.Channels);
        Assert.All(Enumerable.Range(0, mask.Width), x => Assert.Equal(255, mask[x, 3]));
        Assert.All(mask.Pixels, v => Assert.True(v <= 20 || v == 255, $"label {v}"));
        Assert.NotNull(mask.Palette);
        Assert.Equal(256, mask.Palette.Count);
        Assert.Equal(new Rgb24(128, 0, 0), mask.Palette[1]); // VOC's aeroplane colour
        Assert.Equal(new Rgb24(224, 224, 192), mask.Palette[255]);
    }

    [Fact]
    public void Jpeg_WithStrayBytesBeforeEoi_DecodesLikeTheCleanFile()
    {
        var clean = ImageFile.Read(Fixtures.PathOf("jpeg_baseline_420.jpg"));
        var stray = ImageFile.Read(Fixtures.PathOf("jpeg_extraneous.jpg"));
        ImageAssert.Equal(clean, stray, "jpeg_extraneous.jpg");
    }
}
