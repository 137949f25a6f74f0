using SegGanLab.Imaging;
using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary><c>seggan predict</c> on a run trained by the fixture, with images the tests write.</summary>
public sealed class PredictCommandTests(TinyRun run) : IClassFixture<TinyRun>
{
    Seggan Cli => run.Cli;

    string Image(string relativePath, int width, int height)
    {
        var path = Path.Combine(Cli.Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 37 % 251);
        ImageFile.WritePng(path, new ImageData(width, height, 3, pixels));
        return path;
    }

    [Fact]
    public void Predict_WritesAPaletteMaskPerImage_AtTheImagesOwnSize()
    {
        var single = Image("photos/one.png", 21, 13);
        Image("more/two.png", 16, 16);
        Image("more/three.png", 40, 24);
        File.WriteAllText(Path.Combine(Cli.Folder, "more", "notes.txt"), "not an image");
        var result = Cli.Run("predict", run.Folder, single, "more", "--out", "masks");
        Assert.True(result.ExitCode == 0, result.ToString());
        var masks = Path.Combine(Cli.Folder, "masks");
        Assert.Equal(new[] { "one.png", "three.png", "two.png" }.Select(n => Path.Combine(masks, n)), result.Stdout.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"Wrote 3 masks to {masks} (6 classes", result.Stderr);
        foreach (var (name, width, height) in new[] { ("one", 21, 13), ("two", 16, 16), ("three", 40, 24) })
        {
            var mask = ImageFile.Read(Path.Combine(masks, name + ".png"), ColorMode.Auto);
            Assert.Equal((width, height, 1), (mask.Width, mask.Height, mask.Channels));
            Assert.NotNull(mask.Palette);
            Assert.All(mask.Pixels, p => Assert.InRange(p, 0, 5));
        }
    }

    [Fact]
    public void Predict_UserMistakes_AreOneLine_ExitCode2()
    {
        var garbage = Path.Combine(Cli.Folder, "bad.png");
        File.WriteAllText(garbage, "this is not a PNG");
        var result = Cli.Run("predict", run.Folder, garbage, "--out", "masks-bad");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error: {garbage}: cannot read the image:", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));

        EvalCommandTests.AssertUsage(Cli.Run("predict", run.Folder, "nope.png", "--out", "m"), "error: The image 'nope.png' does not exist");
        Directory.CreateDirectory(Path.Combine(Cli.Folder, "empty"));
        EvalCommandTests.AssertUsage(Cli.Run("predict", run.Folder, "empty", "--out", "m"), "error: The folder 'empty' holds no images");
        var a = Image("a/same.png", 16, 16);
        var b = Image("b/same.png", 16, 16);
        EvalCommandTests.AssertUsage(Cli.Run("predict", run.Folder, a, b, "--out", "m"), "error: Two images would write the same mask same.png");
        EvalCommandTests.AssertUsage(Cli.Run("predict", Path.Combine(Cli.Folder, "runs", "gone"), a, "--out", "m"), "error: The run folder");
        var usage = Cli.Run("predict", run.Folder, a);
        Assert.True(usage.ExitCode == 2, usage.ToString());
        Assert.Contains("--out", usage.Stderr);
    }
}
