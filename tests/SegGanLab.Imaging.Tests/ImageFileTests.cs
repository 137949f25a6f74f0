using SegGanLab.Imaging.Tests.Png;

namespace SegGanLab.Imaging.Tests;

/// <summary>Header-only reading past large metadata, and decoding from many threads at once.</summary>
public sealed class ImageFileTests : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("seggan-imaging-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void ReadInfo_FindsAPngHeaderBehindMoreMetadataThanItsFirstRead()
    {
        var chunks = PngChunks.Parse(ImageFile.EncodePng(TestImages.Mask(7, 5, 3, 3, 1)));
        chunks.Chunks.Insert(1, ("iTXt", new byte[150_000]));
        var path = Path.Combine(_dir.FullName, "metadata.png");
        File.WriteAllBytes(path, chunks.Build());
        Assert.Equal(new ImageInfo(7, 5, ImageFormat.Png, ImageColorType.Palette, 2, false, 3), ImageFile.ReadInfo(path));
    }

    [Fact]
    public void ReadInfo_FindsAJpegFrameBehindLargeApplicationSegments()
    {
        var jpeg = Fixtures.Get("jpeg_progressive.jpg").Bytes;
        var app = new byte[2 + 2 + 60_000];
        (app[0], app[1], app[2], app[3]) = (0xFF, 0xE1, (60_002 >> 8) & 0xFF, 60_002 & 0xFF);
        var path = Path.Combine(_dir.FullName, "exif.jpg");
        File.WriteAllBytes(path, [.. jpeg.AsSpan(0, 2), .. app, .. app, .. jpeg.AsSpan(2)]);
        Assert.Equal(Fixtures.Get("jpeg_progressive.jpg").Info, ImageFile.ReadInfo(path));
        ImageAssert.Equal(ImageFile.Decode(jpeg), ImageFile.Read(path), "with 120 KB of APP1 segments");
    }

    [Fact]
    public void DecodingFromManyThreads_GivesTheSameResultsAsOneThread()
    {
        var files = Fixtures.All.Select(f => f.Bytes).ToArray();
        var modes = Enum.GetValues<ColorMode>().Where(m => m != ColorMode.Labels).ToArray();
        var expected = files.Select(f => modes.Select(m => ImageFile.Decode(f, m).Pixels).ToArray()).ToArray();
        Parallel.For(0, files.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var f = i % files.Length;
            for (var m = 0; m < modes.Length; m++)
                Assert.Equal(expected[f][m], ImageFile.Decode(files[f], modes[m]).Pixels);
        });
    }
}
