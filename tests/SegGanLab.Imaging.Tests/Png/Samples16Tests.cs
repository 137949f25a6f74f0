namespace SegGanLab.Imaging.Tests.Png;

/// <summary>16-bit PNGs read unreduced give ImageMagick's (libpng's) 16-bit samples; other files say how to read them.</summary>
public sealed class Samples16Tests
{
    public static TheoryData<string> SixteenBitFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Fixtures.All.Where(f => f.Samples16 is not null)) data.Add(f.File);
        return data;
    }

    [Theory]
    [MemberData(nameof(SixteenBitFiles))]
    public void ReadSamples16_GivesTheStoredSamples(string file)
    {
        var fixture = Fixtures.Get(file);
        var image = ImageFile.ReadSamples16(fixture.Path);
        Assert.Equal((fixture.Info.Width, fixture.Info.Height, fixture.Info.StoredChannels), (image.Width, image.Height, image.Channels));
        Assert.Equal(fixture.Samples16, image.Samples);
        Assert.Equal(fixture.Samples16![image.Channels * (image.Width + 2) - 1], image[1, 1, image.Channels - 1]);
    }

    [Fact]
    public void ThereAre16BitFixturesOfEveryColourType_SequentialAndInterlaced() =>
        Assert.Equal(8, Fixtures.All.Where(f => f.Samples16 is not null).Select(f => (f.Info.ColorType, f.Info.Interlaced)).Distinct().Count());

    [Theory]
    [InlineData("rgb8.png", "8-bit Rgb samples, not 16-bit ones")]
    [InlineData("palette4.png", "4-bit Palette samples, not 16-bit ones")]
    [InlineData("jpeg_gray.jpg", "JPEG holds 8-bit samples")]
    public void OtherFiles_AreAnError_ThatPointsToRead(string file, string expected)
    {
        var e = Assert.Throws<ImageFormatException>(() => ImageFile.ReadSamples16(Fixtures.PathOf(file)));
        Assert.Contains(expected, e.Message);
        Assert.Contains("ImageFile.Read", e.Message);
    }
}
