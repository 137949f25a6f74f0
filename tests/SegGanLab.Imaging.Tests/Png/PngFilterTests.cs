using SegGanLab.Imaging.Png;

namespace SegGanLab.Imaging.Tests.Png;

/// <summary>The filters against the PNG specification's definitions, for every pixel size.</summary>
public sealed class PngFilterTests
{
    public static TheoryData<int, int> StridesAndPixels()
    {
        var data = new TheoryData<int, int>();
        foreach (var stride in new[] { 1, 2, 3, 4, 6, 8 })
            foreach (var pixels in new[] { 1, 2, 3, 5, 17 })
                data.Add(stride, pixels);
        return data;
    }

    [Theory]
    [MemberData(nameof(StridesAndPixels))]
    public void Unfilter_MatchesTheSpecificationsDefinition_ForEveryFilter(int stride, int pixels)
    {
        var random = new Random(stride * 100 + pixels);
        for (var filter = 0; filter < PngFilter.Count; filter++)
            for (var trial = 0; trial < 20; trial++)
            {
                var prior = new byte[stride * pixels];
                var filtered = new byte[stride * pixels];
                random.NextBytes(prior);
                random.NextBytes(filtered);
                var expected = Reference(filter, filtered, prior, stride);
                var row = (byte[])filtered.Clone();
                Assert.True(PngFilter.Unfilter(filter, row, prior, stride));
                Assert.True(expected.AsSpan().SequenceEqual(row), $"filter {filter}, stride {stride}, {pixels} pixels, trial {trial}");
            }
    }

    [Theory]
    [MemberData(nameof(StridesAndPixels))]
    public void Apply_ThenUnfilter_GivesTheRowBack(int stride, int pixels)
    {
        var random = new Random(stride * 7 + pixels);
        var row = new byte[stride * pixels];
        var prior = new byte[stride * pixels];
        random.NextBytes(row);
        random.NextBytes(prior);
        for (var filter = 0; filter < PngFilter.Count; filter++)
        {
            var filtered = new byte[row.Length];
            PngFilter.Apply(filter, row, prior, stride, filtered);
            Assert.True(PngFilter.Unfilter(filter, filtered, prior, stride));
            Assert.Equal(row, filtered);
        }
    }

    [Fact]
    public void UnknownFilterType_IsReported() => Assert.False(PngFilter.Unfilter(5, new byte[3], new byte[3], 1));

    // PNG specification, section 9.2: Recon(x) = Filt(x) + predictor(a, b, c), bytes before the row's start read as 0.
    static byte[] Reference(int filter, byte[] filtered, byte[] prior, int stride)
    {
        var recon = new byte[filtered.Length];
        for (var i = 0; i < filtered.Length; i++)
        {
            int a = i >= stride ? recon[i - stride] : 0, b = prior[i], c = i >= stride ? prior[i - stride] : 0;
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            var predictor = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                _ => pa <= pb && pa <= pc ? a : pb <= pc ? b : c,
            };
            recon[i] = (byte)(filtered[i] + predictor);
        }
        return recon;
    }
}
