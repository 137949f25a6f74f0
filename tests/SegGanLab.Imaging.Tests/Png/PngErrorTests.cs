using System.Buffers.Binary;

namespace SegGanLab.Imaging.Tests.Png;

/// <summary>Malformed PNGs raise an <see cref="ImageFormatException"/> that names the file and what is wrong.</summary>
public sealed class PngErrorTests
{
    const string Name = "masks/broken.png";

    static byte[] Valid => ImageFile.EncodePng(TestImages.Smooth(20, 12, 3, 1));

    static ImageFormatException Fails(byte[] bytes, string expected, ColorMode mode = ColorMode.Auto)
    {
        var e = Assert.Throws<ImageFormatException>(() => ImageFile.Decode(bytes, mode, Name));
        Assert.Equal(Name, e.FilePath);
        Assert.StartsWith(Name + ": ", e.Message);
        Assert.Contains(expected, e.Message);
        return e;
    }

    static byte[] WithHeader(Action<byte[]> change, byte[]? png = null)
    {
        var chunks = PngChunks.Parse(png ?? Valid);
        var ihdr = chunks.Data("IHDR");
        change(ihdr);
        return chunks.Build();
    }

    [Theory]
    [InlineData(8, "without an IEND")]
    [InlineData(20, "truncated PNG")]
    [InlineData(33, "without an IEND")]
    [InlineData(60, "truncated PNG")]
    public void Truncated_IsReported(int keep, string expected) => Fails(Valid[..keep], expected);

    [Fact]
    public void TruncatedAnywhere_IsAlwaysAnImageFormatException()
    {
        var png = Valid;
        for (var keep = 0; keep < png.Length; keep++)
            Assert.Throws<ImageFormatException>(() => ImageFile.Decode(png.AsSpan(0, keep), ColorMode.Rgb, Name));
    }

    [Fact]
    public void MissingIend_IsTruncation()
    {
        var chunks = PngChunks.Parse(Valid);
        chunks.Chunks.RemoveAt(chunks.IndexOf("IEND"));
        Fails(chunks.Build(), "without an IEND chunk");
    }

    [Theory]
    [InlineData(16, "IHDR")]
    [InlineData(-2, "IEND")]
    public void WrongCrc_IsCorruption(int offset, string chunk)
    {
        var png = Valid;
        png[offset < 0 ? png.Length + offset : offset] ^= 0x40;
        Fails(png, $"chunk {chunk} at offset");
    }

    [Fact]
    public void WrongCrcInImageData_IsCorruption()
    {
        var png = Valid;
        var idat = png.AsSpan().IndexOf("IDAT"u8);
        png[idat + 10] ^= 1;
        Fails(png, "fails its CRC check");
    }

    [Theory]
    [InlineData(8, 3, "bit depth 3 for colour type 2")]
    [InlineData(9, 5, "colour type 5")]
    [InlineData(10, 1, "compression method 1")]
    [InlineData(11, 1, "filter method 1")]
    [InlineData(12, 2, "interlace method 2")]
    public void InvalidHeaderFields_AreNamed(int field, byte value, string expected) =>
        Fails(WithHeader(h => h[field] = value), expected);

    [Theory]
    [InlineData(0u, 5u)]
    [InlineData(5u, 0u)]
    [InlineData(0x80000000u, 1u)]
    public void InvalidSizes_AreRejected(uint width, uint height) =>
        Fails(WithHeader(h =>
        {
            BinaryPrimitives.WriteUInt32BigEndian(h, width);
            BinaryPrimitives.WriteUInt32BigEndian(h.AsSpan(4), height);
        }), "PNG allows 1 to 2^31-1 per side");

    [Fact]
    public void SizeOverMaxPixels_IsRejectedBeforeAllocating()
    {
        var e = Fails(WithHeader(h =>
        {
            BinaryPrimitives.WriteUInt32BigEndian(h, 40000);
            BinaryPrimitives.WriteUInt32BigEndian(h.AsSpan(4), 40000);
        }), "more than ImageFile.MaxPixels");
        Assert.Contains("40000x40000", e.Message);
    }

    [Fact]
    public void SizeTheImageDataCannotHold_IsRejectedBeforeAllocating() =>
        Fails(WithHeader(h =>
        {
            BinaryPrimitives.WriteUInt32BigEndian(h, 12000);
            BinaryPrimitives.WriteUInt32BigEndian(h.AsSpan(4), 12000);
        }), "cannot inflate to that");

    [Fact]
    public void UnknownCriticalChunk_IsAnError_UnknownAncillaryChunkIsSkipped()
    {
        var chunks = PngChunks.Parse(Valid);
        chunks.Chunks.Insert(1, ("zzZz", [1, 2, 3]));
        var image = ImageFile.Decode(chunks.Build());
        ImageAssert.Equal(TestImages.Smooth(20, 12, 3, 1), image, "with an ancillary chunk");
        chunks.Chunks.Insert(1, ("CgBI", [0, 0, 0, 0]));
        Fails(chunks.Build(), "unknown critical chunk CgBI");
    }

    [Fact]
    public void PaletteImageWithoutPlte_IsAnError()
    {
        var chunks = PngChunks.Parse(ImageFile.EncodePng(TestImages.Mask(8, 8, 3, 3, 1)));
        chunks.Chunks.RemoveAt(chunks.IndexOf("PLTE"));
        Fails(chunks.Build(), "without a PLTE chunk");
    }

    [Fact]
    public void IndicesBeyondAShortPalette_AreKeptAsLabels_AndShowBlackAsColours()
    {
        var mask = TestImages.Mask(9, 4, 6, 6, 3);
        var chunks = PngChunks.Parse(ImageFile.EncodePng(mask));
        chunks.Chunks[chunks.IndexOf("PLTE")] = ("PLTE", chunks.Data("PLTE")[..6]); // 2 of 6 colours
        chunks.Chunks.Insert(chunks.IndexOf("IDAT"), ("tRNS", new byte[5])); // longer than the palette: ignored
        var png = chunks.Build();
        Assert.Equal(mask.Pixels, ImageFile.Decode(png, ColorMode.Labels).Pixels);
        Assert.False(ImageFile.Decode(png).Palette!.HasAlpha);
        var rgb = ImageFile.Decode(png, ColorMode.Rgb);
        for (var i = 0; i < mask.Pixels.Length; i++)
        {
            var expected = mask.Pixels[i] < 2 ? mask.Palette![mask.Pixels[i]] : new Rgb24(0, 0, 0);
            Assert.Equal(expected, new Rgb24(rgb.Pixels[3 * i], rgb.Pixels[3 * i + 1], rgb.Pixels[3 * i + 2]));
        }
    }

    [Fact]
    public void PlteInAGrayImage_IsAnError()
    {
        var chunks = PngChunks.Parse(ImageFile.EncodePng(TestImages.Noise(4, 4, 1, 1)));
        chunks.Chunks.Insert(1, ("PLTE", [1, 2, 3]));
        Fails(chunks.Build(), "a PLTE chunk in a 8-bit Gray image");
    }

    [Fact]
    public void ImageDataInterruptedByAnotherChunk_IsAnError()
    {
        var chunks = PngChunks.Parse(Valid).SplitImageData(50);
        chunks.Chunks.Insert(chunks.IndexOf("IDAT") + 1, ("tEXt", "a\0b"u8.ToArray()));
        Fails(chunks.Build(), "consecutive IDAT");
    }

    [Fact]
    public void ImageDataSplitIntoManyChunks_DecodesTheSame()
    {
        var image = TestImages.Smooth(20, 12, 3, 1);
        var png = PngChunks.Parse(ImageFile.EncodePng(image)).SplitImageData(7).Build();
        ImageAssert.Equal(image, ImageFile.Decode(png), "IDAT in 7-byte chunks");
        var empty = PngChunks.Parse(ImageFile.EncodePng(image));
        empty.Chunks.Insert(empty.IndexOf("IDAT"), ("IDAT", []));
        ImageAssert.Equal(image, ImageFile.Decode(empty.Build()), "with an empty IDAT");
    }

    [Fact]
    public void UnknownFilterType_NamesTheScanline()
    {
        var image = TestImages.Noise(6, 3, 1, 2);
        var raw = new byte[3 * 7];
        raw[7] = 5; // scanline 1's filter byte
        Fails(WithImageData(image, raw), "scanline 1 has filter type 5");
    }

    [Fact]
    public void CorruptDeflateData_IsAnError()
    {
        var chunks = PngChunks.Parse(Valid);
        var idat = chunks.Data("IDAT");
        idat[2] = 0xFF; // first deflate block header: reserved block type 3
        Fails(chunks.Build(), "compressed image data is corrupt");
    }

    [Fact]
    public void TooLittleImageData_IsTruncation()
    {
        var image = TestImages.Noise(6, 3, 1, 2);
        Fails(WithImageData(image, new byte[2 * 7]), "ends in scanline 2 of 3: truncated");
    }

    [Fact]
    public void Labels_From16BitGrayAbove255_NamesThePixel()
    {
        var png = Fixtures.Get("gray16.png").Bytes;
        Fails(png, "16-bit label value", ColorMode.Labels);
    }

    [Fact]
    public void Labels_FromAnRgbPng_ExplainsColourMasksNeedAMapping()
    {
        var e = Fails(Valid, "colour-to-class mapping", ColorMode.Labels);
        Assert.Contains("8-bit Rgb", e.Message);
    }

    static byte[] WithImageData(ImageData image, byte[] scanlines)
    {
        var chunks = PngChunks.Parse(ImageFile.EncodePng(image));
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            z.Write(scanlines);
        chunks.Chunks[chunks.IndexOf("IDAT")] = ("IDAT", compressed.ToArray());
        return chunks.Build();
    }
}
