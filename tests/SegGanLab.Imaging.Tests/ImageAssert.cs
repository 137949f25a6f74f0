using Xunit.Sdk;

namespace SegGanLab.Imaging.Tests;

/// <summary>Exact image comparisons that report the first differing pixel.</summary>
public static class ImageAssert
{
    /// <summary>Same size, channels, samples and palette.</summary>
    public static void Equal(FixtureExpectation expected, ImageData actual, string what)
    {
        Assert.True((expected.Width, expected.Height, expected.Channels) == (actual.Width, actual.Height, actual.Channels),
            $"{what}: decoded {actual.Width}x{actual.Height}x{actual.Channels}, expected {expected.Width}x{expected.Height}x{expected.Channels}");
        Samples(expected.Pixels, actual.Pixels, actual.Width, actual.Channels, what);
        Palettes(expected.Palette, actual.Palette, what);
    }

    /// <summary>Same size, channels, samples and palette.</summary>
    public static void Equal(ImageData expected, ImageData actual, string what)
    {
        Assert.True((expected.Width, expected.Height, expected.Channels) == (actual.Width, actual.Height, actual.Channels),
            $"{what}: decoded {actual.Width}x{actual.Height}x{actual.Channels}, expected {expected.Width}x{expected.Height}x{expected.Channels}");
        Samples(expected.Pixels, actual.Pixels, actual.Width, actual.Channels, what);
        Palettes(expected.Palette, actual.Palette, what);
    }

    /// <summary>Equal sample arrays; on failure names the pixel and channel.</summary>
    public static void Samples(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, int width, int channels, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var k = expected.CommonPrefixLength(actual);
        if (k == expected.Length) return;
        var pixel = k / channels;
        throw new XunitException(
            $"{what}: pixel ({pixel % width}, {pixel / width}) channel {k % channels} is {actual[k]}, expected {expected[k]}");
    }

    static void Palettes(Palette? expected, Palette? actual, string what)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{what}: decoded a palette of {actual?.Count} entries, expected none");
            return;
        }
        Assert.True(actual is not null, $"{what}: decoded no palette, expected {expected}");
        Assert.Equal(expected.Colors, actual.Colors);
        Assert.Equal(expected.Alphas, actual.Alphas);
    }
}
