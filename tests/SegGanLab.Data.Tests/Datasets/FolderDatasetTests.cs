using SegGanLab.Data;
using SegGanLab.Data.Tests.Support;
using Xunit;

namespace SegGanLab.Data.Tests.Datasets;

public class FolderDatasetTests
{
    static FixtureFolder TwoSamples()
    {
        var f = new FixtureFolder();
        f.Rgb("images/b.png", 4, 3, tag: 2);
        f.Rgb("images/a.png", 4, 3, tag: 1);
        f.Mask("masks/a.png", 4, 3, 0, (1, 1, 2), (3, 2, 255));
        f.Mask("masks/b.png", 4, 3, 1);
        f.Text("classes.txt", "# label order", "sky", "", "road", "car");
        return f;
    }

    [Fact]
    public void ReadsImagesAndMasksMatchedByStem_WithTheClassListFile()
    {
        using var f = TwoSamples();
        var data = Data.Datasets.Folder(f.Root);
        Assert.Equal(["sky", "road", "car"], data.Classes.Names);
        Assert.Equal(2, data.Count);
        var a = data.Get(0);
        Assert.Equal(f.PathOf("images/a.png"), a.Name);
        Assert.Equal((4, 3), (a.Width, a.Height));
        Assert.Equal(1, a.Image[0]);                         // the red channel tags the image
        Assert.Equal(2, a.Image[(2 * 4 + 3) * 3 + 2]);       // blue = y
        Assert.Equal([0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 255], a.Mask);
        Assert.All(data.Get(1).Mask, v => Assert.Equal(1, v));
    }

    [Fact]
    public void GivenClassNames_AndReduceZeroLabel_MapStoredValues()
    {
        using var f = TwoSamples();
        var data = Data.Datasets.Folder(f.Root, ["road", "car"], reduceZeroLabel: true);
        Assert.Equal([255, 255, 255, 255, 255, 1, 255, 255, 255, 255, 255, 255], data.Get(0).Mask);
        Assert.All(data.Get(1).Mask, v => Assert.Equal(0, v));
    }

    [Fact]
    public void AMissingMask_NamesTheImageAndTheExpectedFile()
    {
        using var f = TwoSamples();
        f.Rgb("images/c.jpg.png", 4, 3);
        File.Move(f.PathOf("images/c.jpg.png"), f.PathOf("images/c.png"));
        var e = Assert.Throws<DatasetException>(() => Data.Datasets.Folder(f.Root));
        Assert.Contains(f.PathOf("images/c.png"), e.Message);
        Assert.Contains(f.PathOf("masks/c.png"), e.Message);
        Assert.Equal(f.PathOf("images/c.png"), e.FilePath);
    }

    [Fact]
    public void ASizeMismatch_NamesBothFilesAndSizes()
    {
        using var f = TwoSamples();
        f.Mask("masks/b.png", 2, 3, 1);
        var data = Data.Datasets.Folder(f.Root);
        var e = Assert.Throws<DatasetException>(() => data.Get(1));
        Assert.Contains("4x3", e.Message);
        Assert.Contains("2x3", e.Message);
        Assert.Contains(f.PathOf("masks/b.png"), e.Message);
    }

    [Fact]
    public void ALabelOutsideTheClassRange_NamesTheFileTheValueAndTheFix()
    {
        using var f = TwoSamples();
        f.Mask("masks/b.png", 4, 3, 1, (0, 0, 7), (1, 0, 7));
        var data = Data.Datasets.Folder(f.Root);
        var e = Assert.Throws<LabelOutOfRangeException>(() => data.Get(1));
        Assert.Equal(7, e.Value);
        Assert.Equal(2, e.PixelCount);
        Assert.Equal(f.PathOf("masks/b.png"), e.FilePath);
        Assert.Contains("class indices 0..2 or the ignore index 255", e.Message);
        Assert.Contains("classes.txt", e.Message);
    }

    [Fact]
    public void AnEmptyFolder_OrNoClassList_IsATypedErrorSayingWhatToDo()
    {
        using var f = new FixtureFolder();
        Directory.CreateDirectory(f.PathOf("images"));
        Directory.CreateDirectory(f.PathOf("masks"));
        var noImages = Assert.Throws<DatasetException>(() => Data.Datasets.Folder(f.Root, ["a", "b"]));
        Assert.Contains("holds no images", noImages.Message);
        Assert.Equal(f.PathOf("images"), noImages.FilePath);
        var noList = Assert.Throws<DatasetException>(() => Data.Datasets.Folder(f.Root));
        Assert.Contains("classes.txt", noList.Message);
        var noFolder = Assert.Throws<DatasetException>(() => Data.Datasets.Folder(f.PathOf("nowhere"), ["a"]));
        Assert.Contains("does not exist", noFolder.Message);
    }

    [Fact]
    public void ColourMasks_AreRejectedWithTheFix()
    {
        using var f = TwoSamples();
        f.Rgb("masks/a.png", 4, 3);
        var e = Assert.Throws<DatasetException>(() => Data.Datasets.Folder(f.Root).Get(0));
        Assert.Contains(f.PathOf("masks/a.png"), e.Message);
        Assert.Contains("colour-coded mask", e.Message);
        Assert.IsType<SegGanLab.Imaging.ImageFormatException>(e.InnerException);
    }

    [Fact]
    public void BinaryMode_Maps0And255To0And1_AndRejectsOtherValues()
    {
        using var f = new FixtureFolder();
        f.Gray("image/0.png", 3, 2, 10, 20, 30, 40, 50, 60);
        f.Gray("label/0.png", 3, 2, 0, 255, 255, 0, 1, 0);
        var data = Data.Datasets.Binary(f.Root);
        Assert.True(data.Classes.Binary);
        Assert.Equal(["background", "foreground"], data.Classes.Names);
        var s = data.Get(0);
        Assert.Equal([0, 1, 1, 0, 1, 0], s.Mask);
        Assert.Equal([10, 10, 10, 20, 20, 20], s.Image[..6]);   // gray images become RGB
        f.Gray("label/0.png", 3, 2, 0, 128, 255, 0, 0, 0);
        var e = Assert.Throws<LabelOutOfRangeException>(() => data.Get(0));
        Assert.Contains("1 or 255 (foreground)", e.Message);
    }
}
