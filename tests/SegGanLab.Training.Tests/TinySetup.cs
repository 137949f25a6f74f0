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

    /// <summary>
    /// The semi-supervised recipe on half-labelled scenes (12 labelled, 12 unlabelled) with a Hung
    /// discriminator of width 8; semi_ce starts after step 2 unless <paramref name="options"/> says otherwise.
    /// </summary>
    public static SemiSupervisedRecipe Semi(long initSeed = 3, SemiSupervisedRecipeOptions? options = null, Func<int, Discriminator>? discriminator = null)
    {
        manual_seed(initSeed);
        var full = Datasets.Synthetic(count: 24, width: 32, height: 32, seed: 3);
        var (labelled, unlabelled) = DatasetSplits.LabelledUnlabelled(full, 0.5, seed: 1);
        var pipeline = TransformPipeline.Empty.HorizontalFlip();
        var data = new SegmentationData(
            new DataLoader(labelled, pipeline, new LoaderOptions { BatchSize = 4, Workers = 0, Seed = 3 }),
            new DataLoader(Datasets.Synthetic(count: 8, width: 32, height: 32, seed: 103), TransformPipeline.Empty, new LoaderOptions { BatchSize = 4, Workers = 0, Shuffle = false }),
            Samples: 2);
        var rest = new DataLoader(unlabelled, pipeline, new LoaderOptions { BatchSize = 4, Workers = 1, Seed = 4 });
        var segmenter = Segmenter(data);
        var d = discriminator?.Invoke(data.Classes.Count) ?? HungDiscriminator(labelChannels: data.Classes.Count, baseWidth: 8);
        return new SemiSupervisedRecipe(segmenter, optim.Adam(segmenter.parameters(), lr: 1e-2), null, d, data, rest,
                                        options ?? new SemiSupervisedRecipeOptions { SemiStart = 2 });
    }

    /// <summary>The GAN-augmentation recipe: a DCGAN pair generator of width 8 for 32x32 scenes and a 2-layer PatchGAN on pairs; synthetic samples from step 3.</summary>
    public static GanAugmentedRecipe Augmented(long initSeed = 3, GanAugmentedRecipeOptions? options = null, int outputSize = 32)
    {
        manual_seed(initSeed);
        var data = Data();
        var classes = data.Classes.Count;
        var segmenter = Segmenter(data);
        var generator = DcganJoint(latentSize: 16, numClasses: classes, outputSize: outputSize, baseWidth: 8);
        var d = PatchGan(imageChannels: 3, labelChannels: classes, layers: 2, baseWidth: 8);
        return new GanAugmentedRecipe(segmenter, optim.Adam(segmenter.parameters(), lr: 1e-2), null, generator, d, data,
                                      options ?? new GanAugmentedRecipeOptions { AugmentStart = 2, SyntheticSamples = 3 });
    }

    /// <summary>
    /// The deblurring recipe: a 1-block residual ResNet generator of width 8, an unconditional
    /// 2-layer PatchGAN, 7x7 blur kernels; L2 + RaGAN-LS unless <paramref name="loss"/> says otherwise.
    /// </summary>
    public static DeblurRecipe Deblur(long initSeed = 3, DeblurRecipeOptions? options = null, LossExpression? loss = null, bool defaultLoss = false)
    {
        manual_seed(initSeed);
        var data = Data();
        var generator = ResNetGenerator(blocks: 1, inChannels: 3, outChannels: 3, baseWidth: 8, residualOutput: true);
        var d = PatchGan(imageChannels: 0, labelChannels: 3, layers: 2, baseWidth: 8);
        options ??= new DeblurRecipeOptions();
        options = options with { Blur = options.Blur with { KernelSize = 7, MaxLength = 6 } };
        loss ??= defaultLoss ? null : Loss.L2 + 0.01 * new AdversarialLoss(options.Mode);
        return new DeblurRecipe(generator, optim.Adam(generator.parameters(), lr: 1e-3, betas: (0.5, 0.999)), null, d, data, options, loss);
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
