using SegGanLab.Imaging;
using Xunit;

namespace SegGanLab.Experiments.Tests;

public sealed class SavedExperimentTests : RunsFolderTest
{
    [Fact]
    public void Load_RebuildsTheModelAndData_AndEvaluatesAsTheRunDid()
    {
        var run = Tiny.Supervised().Steps(6).Evaluate(every: 3).Run();
        using var saved = SavedExperiment.Load(run.Folder);

        Assert.Equal("supervised", saved.Recipe);
        Assert.Equal(run.BestCheckpoint, saved.Checkpoint);
        var report = saved.Evaluate();
        // The same weights on the same validation data: the run's best evaluation, exactly.
        Assert.Equal(run.BestMetric, report.MeanIoU);
        Assert.Equal(8, report.Samples);
        Assert.Equal(6, report.Scores!.PerClass.Count);
        Assert.Contains("background", report.ToString());
        var train = saved.Evaluate(split: "train");
        Assert.Equal(16, train.Samples);
    }

    [Fact]
    public void Predict_WritesPaletteMasks_OfEachImagesOwnSize()
    {
        var run = Tiny.Supervised().Steps(4).Run();
        var images = Path.Combine(Root, "images");
        Directory.CreateDirectory(images);
        var scenes = SegGanLab.Data.Datasets.Synthetic(2, 40, 36, seed: 9);   // not a multiple of the U-Net's 4: padded and cropped back
        var paths = Enumerable.Range(0, 2).Select(i =>
        {
            var path = Path.Combine(images, $"photo{i}.png");
            ImageFile.WritePng(path, new ImageData(40, 36, 3, scenes.Get(i).Image));
            return path;
        }).ToList();

        using var saved = SavedExperiment.Load(run.Folder, "last");
        var written = saved.Predict(paths, Path.Combine(Root, "masks"));

        Assert.Equal([Path.Combine(Root, "masks", "photo0.png"), Path.Combine(Root, "masks", "photo1.png")], written);
        foreach (var mask in written)
        {
            var image = ImageFile.Read(mask, ColorMode.Auto);
            Assert.Equal((40, 36, 1), (image.Width, image.Height, image.Channels));
            Assert.All(image.Pixels, p => Assert.InRange(p, 0, 5));
            Assert.Equal(saved.Classes.Palette[1], image.Palette![1]);
        }
    }

    [Fact]
    public void Builder_EvaluatesAndPredicts_WithItsLastRun_OrWithWeights()
    {
        var experiment = Tiny.Supervised().Steps(4);
        var e = Assert.Throws<InvalidOperationException>(() => experiment.Evaluate());
        Assert.Contains("call Run() on this experiment first, or add .Weights(runFolderOrCheckpoint)", e.Message);

        var run = experiment.Run();
        Assert.Equal(run.BestMetric, experiment.Evaluate().MeanIoU);
        var fromWeights = Tiny.Supervised().Weights(run.Folder).Evaluate(Tiny.Data, "train");
        Assert.Equal(16, fromWeights.Samples);
        var image = Path.Combine(Root, "one.png");
        ImageFile.WritePng(image, new ImageData(32, 32, 3, SegGanLab.Data.Datasets.Synthetic(1, 32, 32).Get(0).Image));
        Assert.Single(experiment.Predict([image], Path.Combine(Root, "out")));
    }

    [Fact]
    public void Load_ExplainsWhatIsMissing()
    {
        var e = Assert.Throws<SavedExperimentException>(() => SavedExperiment.Load(Root));
        Assert.Contains("not a run folder (no options.json)", e.Message);
        var run = Tiny.Supervised().Steps(2).Run();
        var e2 = Assert.Throws<SavedExperimentException>(() => SavedExperiment.Load(run.Folder, "checkpoints/other.safetensors"));
        Assert.Contains("use \"best\", \"last\" or a checkpoint's path", e2.Message);
    }

    [Fact]
    public void ExplicitModules_AreTrainedInPlace_AndRebuiltFromTheirDescription()
    {
        var unet = Models.Models.UNet(numClasses: 6, depth: 2, baseWidth: 4);
        var run = Tiny.Supervised().Segmenter(unet).Steps(3).Run();
        // Still usable after the run: the experiment does not dispose what it was given.
        Assert.Equal(6, unet.NumClasses);
        Assert.True(unet.parameters().All(p => !p.IsInvalid));
        using var saved = SavedExperiment.Load(run.Folder, "last");
        Assert.Equal(2, ((Models.UNet)saved.Model).Depth);
        unet.Dispose();
    }

    [Fact]
    public void Evaluate_OnDataWithOtherClasses_IsRefused()
    {
        var run = Tiny.Supervised().Steps(2).Run();
        var folder = Tiny.WriteFolder(Path.Combine(Root, "two"));
        using var saved = SavedExperiment.Load(run.Folder);
        var e = Assert.Throws<SavedExperimentException>(() => saved.Evaluate(DataSpec.Folder(folder)));
        Assert.Contains("not the ones the model was trained on", e.Message);
    }
}
