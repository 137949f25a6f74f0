using System.Buffers.Binary;

namespace SegGanLab.Imaging.Tests;

/// <summary>Unsupported, empty, foreign and JPEG-corrupt inputs, and the API's argument checks.</summary>
public sealed class ImageFileErrorTests
{
    const string Name = "data/images/0001.png";

    static ImageFormatException Fails(byte[] bytes, string expected, bool headerIsBad = true)
    {
        var e = Assert.Throws<ImageFormatException>(() => ImageFile.Decode(bytes, ColorMode.Auto, Name));
        Assert.Equal(Name, e.FilePath);
        Assert.Contains(expected, e.Message);
        if (headerIsBad) Assert.Throws<ImageFormatException>(() => ImageFile.Identify(bytes, Name));
        return e;
    }

    [Fact]
    public void EmptyFile_SaysSo() => Fails([], "the file is empty");

    [Theory]
    [InlineData("GIF89a\x01\0\x01\0", "GIF files are not supported")]
    [InlineData("BM\x36\0\0\0\0\0", "BMP files are not supported")]
    [InlineData("II*\0\x08\0\0\0", "TIFF files are not supported")]
    [InlineData("RIFF\0\0\0\0WEBPVP8 ", "WebP files are not supported")]
    [InlineData("hello, world", "not a PNG or JPEG file (it starts with 68656C6C6F2C2077)")]
    public void ForeignFormats_AreNamed(string start, string expected) =>
        Fails(start.Select(c => (byte)c).ToArray(), expected);

    [Fact]
    public void PngSignatureWithChangedLineEndings_IsDiagnosed()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        Fails(png, "line endings changed");
    }

    [Fact]
    public void SourceNameMissing_TheMessageSaysImageData()
    {
        var e = Assert.Throws<ImageFormatException>(() => ImageFile.Decode([1, 2, 3]));
        Assert.Null(e.FilePath);
        Assert.StartsWith("image data: ", e.Message);
    }

    [Fact]
    public void Read_NamesTheFile_AndAMissingFileIsFileNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seggan-{Guid.NewGuid():N}.png");
        Assert.Throws<FileNotFoundException>(() => ImageFile.Read(path));
        Assert.Throws<FileNotFoundException>(() => ImageFile.ReadInfo(path));
        File.WriteAllBytes(path, "GIF89a"u8.ToArray());
        try
        {
            var e = Assert.Throws<ImageFormatException>(() => ImageFile.Read(path));
            Assert.Equal(path, e.FilePath);
            Assert.StartsWith(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("jpeg_baseline_420.jpg")]
    [InlineData("jpeg_progressive.jpg")]
    public void TruncatedJpeg_IsAnError(string file)
    {
        var jpeg = Fixtures.Get(file).Bytes;
        Fails(jpeg[..(jpeg.Length * 2 / 3)], "corrupt or truncated JPEG data (libjpeg-turbo: ", headerIsBad: false);
    }

    [Fact]
    public void JpegWithoutFrameHeader_IsAnError()
    {
        Fails([0xFF, 0xD8, 0xFF, 0xD9], "holds no image");
        Fails([0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0], "holds no image");
        Fails([0xFF, 0xD8, 0xFF, 0xC0, 0, 2], "not a readable JPEG header (libjpeg-turbo: ");
    }

    [Fact]
    public void JpegOverMaxPixels_IsRejectedBeforeAllocating()
    {
        var jpeg = Fixtures.Get("jpeg_baseline_444.jpg").Bytes;
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 60000);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 60000);
        Fails(jpeg, "60000x60000", headerIsBad: false);
        Assert.Equal((60000, 60000), (ImageFile.Identify(jpeg).Width, ImageFile.Identify(jpeg).Height));
    }

    [Fact]
    public void DecodeInto_ATooSmallBuffer_SaysHowBigItMustBe()
    {
        var png = ImageFile.EncodePng(TestImages.Noise(5, 4, 3, 1));
        var e = Assert.Throws<ArgumentException>(() => ImageFile.DecodeInto(png, new byte[59], ColorMode.Rgb, "x.png"));
        Assert.Contains("5x4x3 = 60 bytes", e.Message);
        Assert.Contains("holds 59", e.Message);
    }

    [Fact]
    public void UnknownColorMode_IsAnArgumentError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFile.Decode(ImageFile.EncodePng(TestImages.Noise(2, 2, 1, 1)), (ColorMode)42));

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(long.MaxValue)]
    public void MaxPixels_RejectsValuesOutsideItsRange(long value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFile.MaxPixels = value);
        Assert.Equal(ImageFile.DefaultMaxPixels, ImageFile.MaxPixels);
    }
}
