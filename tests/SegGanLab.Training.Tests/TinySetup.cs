using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;
using static SegGanLab.Models.Models;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training.Tests;

/// <summary>A seconds-long supervised experiment on tiny synthetic scenes, built the same way every time.</summary>
static class TinySetup
{
    public static SegmentationData Data(int workers = 0, long seed = 3)
    {
        var train = Datasets.Synthetic(count: 24, width: 32, height: 32, seed: seed);
        var val = Datasets.Synthetic(count: 8, width: 32, height: 32, seed: seed + 100);
        var pipeline = TransformPipeline.Empty.HorizontalFlip();
        return new SegmentationData(
            new DataLoader(train, pipeline, new LoaderOptions { BatchSize = 4, Workers = workers, Seed = seed }),
            new DataLoader(val, TransformPipeline.Empty, new LoaderOptions { BatchSize = 4, Workers = 0, Shuffle = false }),
            Samples: 2);
    }

    /// <summary>The tiny segmenter for <paramref name="data"/>: a depth-2 U-Net of width 8.</summary>
    public static SegmentationModel Segmenter(SegmentationData data) => UNet(inChannels: 3, numClasses: data.Classes.Count, depth: 2, baseWidth: 8);

    /// <summary>The GAN recipe with a 2-layer PatchGAN of width 8 unless <paramref name="discriminator"/> makes another.</summary>
    public static AdversarialRecipe Gan(long initSeed = 3, AdversarialRecipeOptions? options = null, LossExpression? loss = null,
                                        LossExpression? discriminatorLoss = null, Func<int, Discriminator>? discriminator = null)
    {
        manual_seed(initSeed);
        var data = Data();
        var segmenter = Segmenter(data);
        var classes = data.Classes.Count;
        var d = discriminator?.Invoke(classes) ?? PatchGan(imageChannels: 3, labelChannels: classes, layers: 2, baseWidth: 8);
        return new AdversarialRecipe(segmenter, optim.Adam(segmenter.parameters(), lr: 1e-2), null, d, data, options, loss, discriminatorLoss);
    }

    /// <summary>The recipe; <paramref name="initSeed"/> seeds the weights and the global RNG (the data are always the same).</summary>
    public static SupervisedRecipe Supervised(long initSeed = 3, LossExpression? loss = null, double lr = 1e-2, int workers = 0)
    {
        manual_seed(initSeed);
        var data = Data(workers);
        var model = Segmenter(data);
        var opt = optim.Adam(model.parameters(), lr: lr);
        return new SupervisedRecipe(model, opt, null, loss ?? Loss.CrossEntropy() + Loss.Dice, data);
    }
}
