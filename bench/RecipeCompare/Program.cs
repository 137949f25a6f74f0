using System.Globalization;
using SegGanLab.Data;
using SegGanLab.Training;
using static SegGanLab.Models.Models;
using static SegGanLab.Torch.torch;

// Trains the same U-Net on the same synthetic scenes for the same steps twice: supervised
// (cross-entropy) and with the GAN recipe's defaults (cross-entropy + 0.01 x vanilla adv, 70x70
// PatchGAN judging image + class map). Prints each run's final and best validation mIoU, then
// "gan_vs_supervised_miou <final GAN mIoU / final supervised mIoU>".
// Usage: RecipeCompare [--steps N] [--size S] [--threads T] [--seed K] [--runs DIR]
var steps = Arg("--steps", 600);
var size = Arg("--size", 48);
var seed = Arg("--seed", 0);
set_num_threads(Arg("--threads", Environment.ProcessorCount));
var runs = args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "seggan-recipe-compare");

SegmentationData Data() => new(
    new DataLoader(Datasets.Synthetic(count: 512, width: size, height: size, seed: seed), TransformPipeline.Empty.HorizontalFlip(),
                   new LoaderOptions { BatchSize = 8, Workers = 1, Seed = seed }),
    new DataLoader(Datasets.Synthetic(count: 128, width: size, height: size, seed: seed + 1000), TransformPipeline.Empty,
                   new LoaderOptions { BatchSize = 16, Workers = 1, Shuffle = false }));

var results = new Dictionary<string, RunResult>();
foreach (var recipeName in new[] { "supervised", "gan" })
{
    manual_seed(seed);
    var data = Data();
    var segmenter = UNet(numClasses: data.Classes.Count, depth: 3, baseWidth: 16);
    var optimizer = optim.Adam(segmenter.parameters(), lr: 1e-3);
    using Recipe recipe = recipeName == "gan"
        ? new AdversarialRecipe(segmenter, optimizer, null, PatchGan(imageChannels: 3, labelChannels: data.Classes.Count), data)
        : new SupervisedRecipe(segmenter, optimizer, null, SegGanLab.Losses.Loss.CrossEntropy(), data);
    var result = new Trainer(recipe, new TrainerOptions { Steps = steps, EvaluateEvery = Math.Max(1, steps / 4), WriteReport = false },
                             RunWriter.Create(runs, recipeName)).Fit();
    results[recipeName] = result;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{recipeName}: final mIoU {result.FinalMetric:F4}, best {result.BestMetric:F4}, {result.Elapsed.TotalSeconds:F0} s ({result.Folder})"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gan_vs_supervised_miou {results["gan"].FinalMetric / results["supervised"].FinalMetric:F4}"));

int Arg(string name, int fallback)
{
    var k = Array.IndexOf(args, name);
    return k >= 0 && k + 1 < args.Length ? int.Parse(args[k + 1], CultureInfo.InvariantCulture) : fallback;
}
