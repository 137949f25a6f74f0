using System.Text.Json;
using SegGanLab.Imaging;
using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary><c>seggan data summary</c> on the synthetic set and on folder datasets the tests draw.</summary>
public sealed class DataSummaryTests : IDisposable
{
    readonly Seggan _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A folder dataset of <paramref name="count"/> 8x8 images whose masks hold <paramref name="maskValues"/> in stripes.</summary>
    string FolderDataset(string name, string classes, int count, params byte[] maskValues)
    {
        var root = Path.Combine(_cli.Folder, name);
        _cli.Write($"{name}/classes.txt", classes);
        Directory.CreateDirectory(Path.Combine(root, "images"));
        Directory.CreateDirectory(Path.Combine(root, "masks"));
        for (var i = 0; i < count; i++)
        {
            ImageFile.WritePng(Path.Combine(root, "images", $"s{i}.png"), new ImageData(8, 8, 3, Enumerable.Repeat((byte)(40 * i), 8 * 8 * 3).ToArray()));
            var mask = Enumerable.Range(0, 64).Select(p => maskValues[p / 8 % maskValues.Length]).ToArray();
            ImageFile.WritePng(Path.Combine(root, "masks", $"s{i}.png"), new ImageData(8, 8, 1, mask));
        }
        return root;
    }

    [Fact]
    public void Synthetic_PrintsTheClassTable()
    {
        var result = _cli.Run("data", "summary", "synthetic", "--max-samples", "16");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Synthetic", result.Stdout);
        Assert.Contains("(16 examined), 6 classes, ignore index 255", result.Stdout);
        foreach (var name in new[] { "background", "disc", "square", "triangle", "ring", "cross" }) Assert.Contains(name, result.Stdout);
    }

    [Fact]
    public void BinaryMasksReadAsTwoClasses_AreWarnedAbout_InTextAndJson()
    {
        FolderDataset("roads", "background\nroad\n", 3, 0, 255);
        var text = _cli.Run("data", "summary", "folder:roads");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Warnings:\n  - The masks hold only 0 and 255", text.Stdout);

        var json = _cli.Run("data", "summary", "folder:roads", "--json");
        using var summary = JsonDocument.Parse(json.Stdout);
        var root = summary.RootElement;
        Assert.Equal(3, root.GetProperty("samples").GetInt32());
        Assert.Equal(3 * 64, root.GetProperty("pixels").GetInt64());
        Assert.Equal(3 * 32, root.GetProperty("ignored_pixels").GetInt64());
        Assert.Equal(3 * 32, root.GetProperty("classes")[0].GetProperty("pixels").GetInt64());
        Assert.Equal(0, root.GetProperty("classes")[1].GetProperty("pixels").GetInt64());
        Assert.Contains("binary", root.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void ACleanDataset_HasNoWarnings()
    {
        FolderDataset("clean", "sky\nroad\ncar\n", 2, 0, 1, 2, 255);
        using var summary = JsonDocument.Parse(_cli.Run("data", "summary", "folder:clean", "--json").Stdout);
        Assert.Equal(0, summary.RootElement.GetProperty("warnings").GetArrayLength());
        Assert.Equal(8, summary.RootElement.GetProperty("image_sizes")[0].GetProperty("width").GetInt32());
    }

    [Theory]
    [InlineData("camvid:no-such-folder", null, "error: The folder 'no-such-folder' does not exist; CamVid in the SegNet layout holds")]
    [InlineData("camvid", null, "error: 'camvid' needs the dataset's folder: camvid:PATH")]
    [InlineData("kitti:data", null, "error: 'kitti:data' is not a dataset; use synthetic, camvid:PATH,")]
    [InlineData("synthetic", "val", "error: --split does not apply to synthetic data")]
    public void BadDatasets_AreOneLineErrors_ExitCode2(string spec, string? split, string message)
    {
        var result = split is null ? _cli.Run("data", "summary", spec) : _cli.Run("data", "summary", spec, "--split", split);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(message, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }
}
