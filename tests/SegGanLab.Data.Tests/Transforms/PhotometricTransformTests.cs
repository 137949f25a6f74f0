using SegGanLab.Data;
using SegGanLab.Data.Tests.Support;
using Xunit;

namespace SegGanLab.Data.Tests.Transforms;

public class PhotometricTransformTests
{
    static SegmentationSample Colourful(int seed = 0)
    {
        var r = new DataRandom(seed, 77);
        var image = new byte[16 * 16 * 3];
        for (var i = 0; i < image.Length; i++) image[i] = (byte)r.NextInt(256);
        var mask = new byte[16 * 16];
        for (var i = 0; i < mask.Length; i++) mask[i] = (byte)(i % 5);
        return new SegmentationSample(16, 16, image, mask, 255, "colourful");
    }

    [Fact]
    public void ColorJitter_ChangesTheImage_NeverTheMask_DeterministicallyByStream()
    {
        var t = new ColorJitter(0.4, 0.4, 0.4, 0.1);
        var r1 = new DataRandom(1, 2);
        var r2 = new DataRandom(1, 2);
        var a = t.Apply(Colourful(), ref r1);
        var b = t.Apply(Colourful(), ref r2);
        Assert.Equal(a.Image, b.Image);
        Assert.NotEqual(Colourful().Image, a.Image);
        Assert.Equal(Colourful().Mask, a.Mask);
    }

    [Fact]
    public void ColorJitter_WithNothingOn_LeavesTheImageAlone()
    {
        var r = new DataRandom(3);
        Assert.Equal(Colourful().Image, new ColorJitter().Apply(Colourful(), ref r).Image);
    }

    [Fact]
    public void Brightness_ScalesEveryChannelByOneFactor()
    {
        var r = new DataRandom(4);
        var source = Colourful();
        var s = new ColorJitter(brightness: 0.5).Apply(Colourful(), ref r);
        // Recover the factor from a bright unclipped value and check every unclipped value agrees.
        var pairs = source.Image.Zip(s.Image).Where(p => p.First > 40 && p.Second < 250).ToArray();
        var factor = pairs.Average(p => (double)p.Second / p.First);
        Assert.InRange(factor, 0.5, 1.5);
        Assert.All(pairs, p => Assert.InRange(p.Second, p.First * factor - 1.6, p.First * factor + 1.6));
    }

    [Fact]
    public void Saturation_OfZeroStrengthRangeExtremes_GoesToGrey()
    {
        // A saturation strength of 1 draws factors in [0, 2]; search a stream whose factor is near 0.
        var t = new ColorJitter(saturation: 1);
        for (var k = 0; k < 200; k++)
        {
            var r = new DataRandom(5, k);
            var s = t.Apply(Colourful(), ref r);
            var spread = Enumerable.Range(0, 256).Max(p => Math.Max(Math.Abs(s.Image[3 * p] - s.Image[3 * p + 1]), Math.Abs(s.Image[3 * p + 1] - s.Image[3 * p + 2])));
            if (spread <= 8) return;
        }
        Assert.Fail("no near-grey result in 200 draws of a saturation factor from [0, 2]");
    }

    [Fact]
    public void HueShift_RotatesPrimaries_AndKeepsGrey()
    {
        float[] px = [255, 0, 0, 0, 255, 0, 0, 0, 255, 128, 128, 128];
        ColorSpace.ShiftHue(px, 1f / 3);
        Assert.Equal([0f, 255, 0, 0, 0, 255, 255, 0, 0, 128, 128, 128], px.Select(v => MathF.Round(v)).ToArray());
        float[] orange = [255, 128, 0];
        ColorSpace.ShiftHue(orange, 1f);
        Assert.Equal([255f, 128, 0], orange.Select(v => MathF.Round(v)).ToArray());
    }

    [Fact]
    public void ColorJitter_RejectsImpossibleStrengths()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColorJitter(brightness: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColorJitter(hue: 0.6));
    }
}
