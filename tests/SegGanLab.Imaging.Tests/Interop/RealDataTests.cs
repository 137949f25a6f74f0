namespace SegGanLab.Imaging.Tests.Interop;

/// <summary>
/// The shared datasets next to the repository (<c>../shared/datasets</c> from its root), which CI
/// machines do not have: tests that need them are skipped there.
/// </summary>
public static class RealData
{
    /// <summary>The datasets folder, or null when it does not exist.</summary>
    public static string? Root { get; } = Find();

    static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SegGanLab.sln")))
            {
                var datasets = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets"));
                return Directory.Exists(datasets) ? datasets : null;
            }
        return null;
    }

    /// <summary>The first <paramref name="count"/> PNGs (by name) of a dataset folder.</summary>
    public static string[] Files(string folder, int count) =>
        Directory.GetFiles(Path.Combine(Root!, folder), "*.png").Order(StringComparer.Ordinal).Take(count).ToArray();
}

/// <summary>A fact that is skipped when the shared datasets folder is absent.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealData.Root is null) Skip = "needs ../shared/datasets next to the repository (absent on CI)";
    }
}

/// <summary>Real CamVid and ISBI membrane files decode exactly as PIL decodes them.</summary>
public sealed class RealDataTests
{
    [RealDataFact]
    public void CamVidImages_MatchPil_AsStoredAsRgbAndAsGray()
    {
        var files = RealData.Files("camvid/train", 3).Concat(RealData.Files("camvid/val", 1)).ToArray();
        foreach (var pil in Pil.Decode(files)) pil.AssertSame(ImageFile.Read(pil.File));
        foreach (var pil in Pil.Decode(files, "RGB")) pil.AssertSame(ImageFile.Read(pil.File, ColorMode.Rgb));
        foreach (var pil in Pil.Decode(files[..1], "L")) pil.AssertSame(ImageFile.Read(pil.File, ColorMode.Gray));
    }

    [RealDataFact]
    public void CamVidLabels_MatchPil_AndHoldClasses0To11()
    {
        var files = RealData.Files("camvid/trainannot", 3);
        foreach (var pil in Pil.Decode(files))
        {
            var labels = ImageFile.Read(pil.File, ColorMode.Labels);
            pil.AssertSame(labels);
            Assert.All(labels.Pixels, v => Assert.InRange(v, 0, 11));
            Assert.Equal(new ImageInfo(480, 360, ImageFormat.Png, ImageColorType.Gray, 8, false, 0), ImageFile.ReadInfo(pil.File));
        }
    }

    [RealDataFact]
    public void MembraneImagesAndMasks_MatchPil_MasksAre0Or255()
    {
        var images = RealData.Files("membrane/image", 2);
        var masks = RealData.Files("membrane/label", 2);
        foreach (var pil in Pil.Decode(images)) pil.AssertSame(ImageFile.Read(pil.File, ColorMode.Gray));
        foreach (var pil in Pil.Decode(masks))
        {
            var mask = ImageFile.Read(pil.File, ColorMode.Labels);
            pil.AssertSame(mask);
            Assert.All(mask.Pixels, v => Assert.True(v is 0 or 255, $"mask value {v}"));
        }
    }
}
