namespace SegGanLab.Imaging.Tests.Interop;

/// <summary>PNGs SegGanLab writes decode identically in PIL (Debian's python3-pil), and are about as compact as PIL's.</summary>
public sealed class PilInteropTests : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("seggan-imaging-pil-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void PngsWeWrite_DecodeIdenticallyInPil_EveryEncodableFormat()
    {
        var images = new Dictionary<string, ImageData>
        {
            ["gray.png"] = TestImages.Smooth(31, 17, 1, 1),
            ["gray_alpha.png"] = TestImages.Noise(31, 17, 2, 2),
            ["rgb.png"] = TestImages.Smooth(31, 17, 3, 3),
            ["rgba.png"] = TestImages.Noise(31, 17, 4, 4),
            ["palette1.png"] = TestImages.Mask(31, 17, 2, 2, 5),
            ["palette2.png"] = TestImages.Mask(31, 17, 4, 3, 6),
            ["palette4.png"] = TestImages.Mask(31, 17, 11, 12, 7, alpha: true),
            ["palette8.png"] = TestImages.Mask(31, 17, 21, 256, 8),
        };
        foreach (var (name, image) in images) ImageFile.WritePng(Path.Combine(_dir.FullName, name), image);
        var decoded = Pil.Decode(images.Keys.Select(n => Path.Combine(_dir.FullName, n)));
        foreach (var pil in decoded)
        {
            var image = images[Path.GetFileName(pil.File)];
            pil.AssertSame(image);
            Assert.Equal(image.Palette is null ? null : "P", pil.Mode == "P" ? "P" : null);
        }
    }

    [Fact]
    public void OurPngOfAPhotoLikeImage_IsNoBiggerThanPils()
    {
        var image = TestImages.Smooth(160, 120, 3, 9);
        var ours = Path.Combine(_dir.FullName, "ours.png");
        ImageFile.WritePng(ours, image);
        var pil = Pil.Decode([ours]).Single();
        pil.AssertSame(image);
        // PIL re-encodes the same pixels with its defaults (zlib level 6, adaptive filtering).
        var theirs = Path.Combine(_dir.FullName, "pil.png");
        RunPython($"from PIL import Image; Image.open('{ours}').save('{theirs}')");
        var (ourSize, theirSize) = (new FileInfo(ours).Length, new FileInfo(theirs).Length);
        Assert.True(ourSize <= theirSize * 1.05, $"ours {ourSize} bytes, PIL's {theirSize} bytes");
    }

    static void RunPython(string code)
    {
        using var p = System.Diagnostics.Process.Start("/usr/bin/python3", ["-c", code]);
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
