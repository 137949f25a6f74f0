using SegGanLab.Data;
using SegGanLab.Data.Tests.Support;
using Xunit;

namespace SegGanLab.Data.Tests.Transforms;

public class GeometricTransformTests
{
    static SegmentationSample Numbered(int w = 10, int h = 6) => MemoryDataset.NumberedSample(5, w, h, 4);

    [Fact]
    public void Resize_GivesTheSize_BlendsTheImage_AndKeepsMaskLabelsExact()
    {
        var r = new DataRandom(0);
        var big = new Resize(20, 12).Apply(Numbered(), ref r);
        Assert.Equal((20, 12), (big.Width, big.Height));
        // Nearest for masks: doubling repeats each label 2x2.
        var source = Numbered();
        for (var y = 0; y < 12; y++)
            for (var x = 0; x < 20; x++)
                Assert.Equal(source.Mask[(y / 2) * 10 + x / 2], big.Mask[y * 20 + x]);
    }

    [Fact]
    public void Resize_BlendsImagesBilinearly()
    {
        // A horizontal ramp 0, 25, ..., 225 doubled in width: pixel centres fall a quarter between source pixels.
        var image = new byte[10 * 3];
        for (var x = 0; x < 10; x++) image[3 * x] = (byte)(25 * x);
        var r = new DataRandom(0);
        var big = new Resize(20, 1).Apply(new SegmentationSample(10, 1, image, new byte[10], 255, "ramp"), ref r);
        var row = Enumerable.Range(0, 20).Select(x => (int)big.Image[3 * x]).ToArray();
        Assert.Equal([0, 6, 19, 31, 44, 56, 69, 81, 94, 106, 119, 131, 144, 156, 169, 181, 194, 206, 219, 225], row);
    }

    [Fact]
    public void RandomScale_StaysInItsRange_AndIsDeterministicByStream()
    {
        var t = new RandomScale(0.5, 2.0);
        var sizes = new HashSet<int>();
        for (var k = 0; k < 50; k++)
        {
            var r = new DataRandom(1, k);
            var s = t.Apply(Numbered(40, 20), ref r);
            Assert.InRange(s.Width, 20, 80);
            Assert.Equal(Math.Round(s.Width / 2.0), s.Height, 1.0);
            sizes.Add(s.Width);
            var again = new DataRandom(1, k);
            Assert.Equal(s.Width, t.Apply(Numbered(40, 20), ref again).Width);
        }
        Assert.True(sizes.Count > 20, "factors should vary");
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomScale(2, 1));
    }

    [Fact]
    public void RandomCrop_CutsAWindowOfTheSource()
    {
        var source = Numbered(30, 20);
        var r = new DataRandom(4);
        var crop = new RandomCrop(8, 5).Apply(Numbered(30, 20), ref r);
        Assert.Equal((8, 5), (crop.Width, crop.Height));
        // The numbered image stores (index, x, y): the window's first pixel says where it was cut.
        int left = crop.Image[1], top = crop.Image[2];
        for (var y = 0; y < 5; y++)
            for (var x = 0; x < 8; x++)
            {
                Assert.Equal(source.Image[((top + y) * 30 + left + x) * 3 + 1], crop.Image[(y * 8 + x) * 3 + 1]);
                Assert.Equal(source.Mask[(top + y) * 30 + left + x], crop.Mask[y * 8 + x]);
            }
    }

    [Fact]
    public void RandomCrop_PadsSmallSamples_MaskWithTheIgnoreIndex()
    {
        var r = new DataRandom(0);
        var crop = new RandomCrop(12, 9, imageFill: 7).Apply(Numbered(10, 6), ref r);
        Assert.Equal((12, 9), (crop.Width, crop.Height));
        for (var y = 0; y < 9; y++)
            for (var x = 0; x < 12; x++)
            {
                var inside = x < 10 && y < 6;
                Assert.Equal(inside ? Numbered().Mask[y * 10 + x] : (byte)255, crop.Mask[y * 12 + x]);
                if (!inside) Assert.Equal(7, crop.Image[(y * 12 + x) * 3]);
            }
    }

    [Fact]
    public void PadToMultiple_PadsRightAndBottom_MaskWithTheIgnoreIndex()
    {
        var r = new DataRandom(0);
        var padded = new PadToMultiple(4).Apply(Numbered(10, 6), ref r);
        Assert.Equal((12, 8), (padded.Width, padded.Height));
        Assert.Equal(Numbered().Mask[5 * 10 + 9], padded.Mask[5 * 12 + 9]);
        Assert.Equal(255, padded.Mask[5 * 12 + 10]);
        Assert.Equal(255, padded.Mask[6 * 12]);
        Assert.Equal(0, padded.Image[(7 * 12 + 11) * 3 + 1]);
        var exact = Numbered(8, 4);
        Assert.Same(exact, new PadToMultiple(4).Apply(exact, ref r));
    }

    [Fact]
    public void HorizontalFlip_MirrorsImageAndMaskTogether_AndTwiceIsIdentity()
    {
        var source = Numbered();
        var always = new HorizontalFlip(1.0);
        var r = new DataRandom(0);
        var flipped = always.Apply(Numbered(), ref r);
        for (var y = 0; y < 6; y++)
            for (var x = 0; x < 10; x++)
            {
                Assert.Equal(source.Mask[y * 10 + 9 - x], flipped.Mask[y * 10 + x]);
                Assert.Equal(9 - x, flipped.Image[(y * 10 + x) * 3 + 1]);
            }
        var back = always.Apply(flipped, ref r);
        Assert.Equal(source.Image, back.Image);
        Assert.Equal(source.Mask, back.Mask);
        var never = new HorizontalFlip(0.0);
        Assert.Equal(source.Mask, never.Apply(Numbered(), ref r).Mask);
    }

    [Fact]
    public void HorizontalFlip_FlipsAboutHalfTheTime()
    {
        var t = new HorizontalFlip();
        var flips = 0;
        for (var k = 0; k < 400; k++)
        {
            var r = new DataRandom(9, k);
            if (t.Apply(Numbered(), ref r).Image[1] == 9) flips++;
        }
        Assert.InRange(flips, 160, 240);
    }

    [Fact]
    public void RandomRotation_KeepsSizeAndCentre_FillsCornersWithIgnore_NeverInventsLabels()
    {
        var mask = new byte[21 * 21];
        var image = new byte[21 * 21 * 3];
        for (var i = 0; i < mask.Length; i++) (mask[i], image[3 * i]) = ((byte)(i % 3), 200);
        var t = new RandomRotation(45);
        var rotatedOnce = false;
        for (var k = 0; k < 20; k++)
        {
            var r = new DataRandom(5, k);
            var s = t.Apply(new SegmentationSample(21, 21, (byte[])image.Clone(), (byte[])mask.Clone(), 255, "square"), ref r);
            Assert.Equal((21, 21), (s.Width, s.Height));
            Assert.Equal(mask[10 * 21 + 10], s.Mask[10 * 21 + 10]);
            Assert.All(s.Mask, v => Assert.True(v is 0 or 1 or 2 or 255));
            // Where the mask is uncovered (nearest source > half a pixel outside), the image blends at least half fill.
            for (var p = 0; p < s.Mask.Length; p++)
                if (s.Mask[p] == 255) Assert.InRange(s.Image[3 * p], 0, 101);
            rotatedOnce |= s.Mask[0] == 255;
        }
        Assert.True(rotatedOnce, "a rotation of up to 45 degrees uncovers the corners");
        var none = new RandomRotation(0);
        var r0 = new DataRandom(0);
        Assert.Equal(mask, none.Apply(new SegmentationSample(21, 21, image, (byte[])mask.Clone(), 255, "square"), ref r0).Mask);
    }
}
