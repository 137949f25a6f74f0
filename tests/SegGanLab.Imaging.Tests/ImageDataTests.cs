namespace SegGanLab.Imaging.Tests;

/// <summary>ImageData and Palette check their arguments and say what is wrong.</summary>
public sealed class ImageDataTests
{
    [Fact]
    public void Constructor_RejectsAWrongBufferLength_NamingTheSizeNeeded()
    {
        var e = Assert.Throws<ArgumentException>(() => new ImageData(4, 3, 3, new byte[35]));
        Assert.Contains("4x3 image with 3 channel(s) needs 36 bytes, got 35", e.Message);
    }

    [Theory]
    [InlineData(0, 3, 1)]
    [InlineData(3, -1, 1)]
    [InlineData(3, 3, 0)]
    [InlineData(3, 3, 5)]
    public void Constructor_RejectsBadShapes(int width, int height, int channels) =>
        Assert.Throws<ArgumentException>(() => new ImageData(width, height, channels));

    [Fact]
    public void Palette_OnlyWithOneChannel()
    {
        var palette = new Palette([new Rgb24(1, 2, 3)]);
        var e = Assert.Throws<ArgumentException>(() => new ImageData(2, 2, 3, palette));
        Assert.Contains("one channel of indices", e.Message);
        Assert.Same(palette, new ImageData(2, 2, 1, palette).Palette);
    }

    [Fact]
    public void Indexer_AndRow_AddressInterleavedSamples()
    {
        var image = new ImageData(3, 2, 2);
        image[2, 1, 1] = 9;
        Assert.Equal(9, image.Pixels[(1 * 3 + 2) * 2 + 1]);
        Assert.Equal(9, image.Row(1)[5]);
        Assert.Equal(6, image.Stride);
        Assert.Throws<ArgumentOutOfRangeException>(() => image[3, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => image[0, 0, 2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Row(2));
    }

    [Fact]
    public void Palette_ChecksSizes_AndFillsMissingAlphasOpaque()
    {
        Assert.Throws<ArgumentException>(() => new Palette([]));
        Assert.Throws<ArgumentException>(() => new Palette(Enumerable.Repeat(new Rgb24(), 257)));
        Assert.Throws<ArgumentException>(() => new Palette([new Rgb24()], [1, 2]));
        var p = new Palette([new Rgb24(1, 1, 1), new Rgb24(2, 2, 2), new Rgb24(3, 3, 3)], [0]);
        Assert.Equal([0, 255, 255], p.Alphas!);
        Assert.Equal(255, p.AlphaAt(2));
        Assert.False(new Palette([new Rgb24()], [255]).HasAlpha);
        var opaque = Palette.FromRgbBytes([1, 1, 1, 2, 2, 2, 3, 3, 3]);
        Assert.Equal(p.Colors, opaque.Colors);
        Assert.Equal(new Palette(p.Colors), opaque);
        Assert.NotEqual(p, opaque); // same colours, different alpha
        Assert.Equal("#0a0bff", new Rgb24(10, 11, 255).ToString());
    }
}
