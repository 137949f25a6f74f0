using SegGanLab.Data;
using SegGanLab.Data.Tests.Support;
using Xunit;

namespace SegGanLab.Data.Tests.Datasets;

/// <summary>CamVid, PASCAL VOC 2012, Cityscapes and ADE20K, each as a tiny fixture in its real layout.</summary>
public class PublicLayoutTests
{
    [Fact]
    public void CamVid_ResolvesTheListsAbsolutePaths_AndIgnoresVoid()
    {
        using var f = new FixtureFolder();
        f.Rgb("train/0001TP_1.png", 4, 2, tag: 1);
        f.Mask("trainannot/0001TP_1.png", 4, 2, 3, (0, 0, 11), (1, 0, 10));
        f.Rgb("val/0016E5_1.png", 4, 2, tag: 2);
        f.Mask("valannot/0016E5_1.png", 4, 2, 8);
        f.Text("train.txt", "/SegNet/CamVid/train/0001TP_1.png /SegNet/CamVid/trainannot/0001TP_1.png");
        f.Text("val.txt", "/SegNet/CamVid/val/0016E5_1.png /SegNet/CamVid/valannot/0016E5_1.png", "");
        var train = Data.Datasets.CamVid(f.Root);
        Assert.Equal(11, train.Classes.Count);
        Assert.Equal(11, train.Classes.IgnoreIndex);
        Assert.Equal("Sky", train.Classes.Names[0]);
        Assert.Equal([11, 10, 3, 3, 3, 3, 3, 3], train.Get(0).Mask);
        Assert.Equal(f.PathOf("val/0016E5_1.png"), Data.Datasets.CamVid(f.Root, "val").SampleName(0));
        Assert.Equal(new SegGanLab.Imaging.Rgb24(128, 128, 128), train.Classes.Palette[0]);
    }

    [Fact]
    public void CamVid_AMissingListFile_NamesItAndTheListsThatExist()
    {
        using var f = new FixtureFolder();
        f.Text("train.txt", "");
        f.Text("val.txt", "");
        var e = Assert.Throws<DatasetException>(() => Data.Datasets.CamVid(f.Root, "test"));
        Assert.Contains(f.PathOf("test.txt"), e.Message);
        Assert.Contains("train.txt, val.txt", e.Message);
        f.Text("bad.txt", "/SegNet/CamVid/train/x.png");
        Assert.Contains("Line 1", Assert.Throws<DatasetException>(() => Data.Datasets.CamVid(f.Root, "bad")).Message);
        f.Text("gone.txt", "/SegNet/CamVid/train/x.png /SegNet/CamVid/trainannot/x.png");
        var missing = Assert.Throws<DatasetException>(() => Data.Datasets.CamVid(f.Root, "gone"));
        Assert.Equal(f.PathOf("train/x.png"), missing.FilePath);
    }

    [Fact]
    public void PascalVoc2012_ReadsPaletteIndices_WithTheBorderIgnored()
    {
        using var f = new FixtureFolder();
        var voc = "VOCdevkit/VOC2012/";
        f.Rgb(voc + "JPEGImages/2007_000032.png", 3, 2);
        File.Move(f.PathOf(voc + "JPEGImages/2007_000032.png"), f.PathOf(voc + "JPEGImages/2007_000032.jpg"));
        f.PaletteMask(voc + "SegmentationClass/2007_000032.png", 3, 2, ClassPalettes.Voc(256), 0, 1, 255, 15, 20, 0);
        f.Text(voc + "ImageSets/Segmentation/train.txt", "2007_000032");
        var data = Data.Datasets.PascalVoc2012(f.Root);
        Assert.Equal(21, data.Classes.Count);
        Assert.Equal("person", data.Classes.Names[15]);
        Assert.Equal([0, 1, 255, 15, 20, 0], data.Get(0).Mask);
        Assert.Equal(new SegGanLab.Imaging.Rgb24(128, 0, 0), data.Classes.Palette[1]);
        var e = Assert.Throws<DatasetException>(() => Data.Datasets.PascalVoc2012(f.Root, "val"));
        Assert.Contains("train, val or trainval", e.Message);
    }

    [Fact]
    public void Cityscapes_MapsLabelIdsToTrainIds()
    {
        using var f = new FixtureFolder();
        f.Rgb("leftImg8bit/val/lindau/lindau_000000_000019_leftImg8bit.png", 8, 1);
        f.Gray("gtFine/val/lindau/lindau_000000_000019_gtFine_labelIds.png", 8, 1, 0, 7, 8, 11, 24, 26, 33, 9);
        f.Gray("gtFine/val/lindau/lindau_000000_000019_gtFine_color.png", 8, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        var data = Data.Datasets.Cityscapes(f.Root, "val");
        Assert.Equal(19, data.Classes.Count);
        Assert.Equal([255, 0, 1, 2, 11, 13, 18, 255], data.Get(0).Mask);
        Assert.Equal(34, Data.Datasets.CityscapesTrainIds.Count);
        Assert.Equal(19, Data.Datasets.CityscapesTrainIds.Where(t => t != 255).Distinct().Count());
        f.Gray("gtFine/val/lindau/lindau_000000_000019_gtFine_labelIds.png", 8, 1, 0, 7, 8, 11, 24, 26, 34, 9);
        Assert.Contains("labelIds 0..33", Assert.Throws<LabelOutOfRangeException>(() => data.Get(0)).Message);
    }

    [Fact]
    public void Ade20k_ReducesZeroLabel()
    {
        using var f = new FixtureFolder();
        f.Rgb("ADEChallengeData2016/images/validation/ADE_val_00000001.png", 4, 1);
        File.Move(f.PathOf("ADEChallengeData2016/images/validation/ADE_val_00000001.png"), f.PathOf("ADEChallengeData2016/images/validation/ADE_val_00000001.jpg"));
        f.Gray("ADEChallengeData2016/annotations/validation/ADE_val_00000001.png", 4, 1, 0, 1, 150, 13);
        var data = Data.Datasets.Ade20k(f.Root, "val");
        Assert.Equal(150, data.Classes.Count);
        Assert.Equal(255, data.Classes.IgnoreIndex);
        Assert.Equal([255, 0, 149, 12], data.Get(0).Mask);
        Assert.Equal("person", data.Classes.Names[12]);
    }
}
