using System.Diagnostics;
using System.Globalization;
using SegGanLab.Data;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Bench;

/// <summary>
/// Trains a small U-Net on the synthetic dataset for a fixed budget and reports validation mIoU,
/// then does the same with a per-pixel colour classifier to show that colour alone does not solve it.
/// </summary>
internal static class SyntheticCalibration
{
    public static void Run(Arguments a)
    {
        var size = a.Int("size", 48);
        var count = a.Int("count", 4096);
        var batch = a.Int("batch", 8);
        var seconds = a.Double("seconds", double.PositiveInfinity);
        var steps = a.Int("steps", 1200);
        var width = a.Int("width", 8);
        var lr = a.Double("lr", 3e-3);
        var threads = a.Int("threads", 2);
        var evalEvery = a.Int("eval-every", 0);
        var seed = a.Int("seed", 0);
        var dice = !a.Flag("ce-only");
        set_num_threads(threads);
        manual_seed(seed);
        var scene = SyntheticOptions.Default with
        {
            MinRadius = a.Double("min-radius", SyntheticOptions.Default.MinRadius), MaxRadius = a.Double("max-radius", SyntheticOptions.Default.MaxRadius),
            MinShapes = a.Int("min-shapes", SyntheticOptions.Default.MinShapes), MaxShapes = a.Int("max-shapes", SyntheticOptions.Default.MaxShapes),
            Texture = a.Double("texture", SyntheticOptions.Default.Texture), Noise = a.Double("noise", SyntheticOptions.Default.Noise),
            ShapeTexture = a.Double("shape-texture", SyntheticOptions.Default.ShapeTexture),
        };
        var train = Datasets.Synthetic(count, size, size, seed: 1 + seed, scene);
        var val = Datasets.Synthetic(256, size, size, seed: 999, scene);
        var transforms = TransformPipeline.Empty.HorizontalFlip();
        Console.WriteLine($"synthetic {size}x{size}, {count} train / {val.Count} val, batch {batch}, U-Net width {width}, lr {lr} (poly decay over the steps), {(dice ? "cross-entropy + Dice" : "cross-entropy")}, seed {seed}, " +
                          $"{threads} threads, budget {seconds}s / {steps} steps; {scene}");

        using (var unet = new SmallUNet(train.Classes.Count, width))
        {
            var (mIoU, perClass, used, done) = TrainAndEvaluate(unet, train, val, transforms, batch, lr, seconds, steps, "unet", evalEvery, dice);
            Console.WriteLine($"unet: {done} steps in {used:0.0}s, val mIoU {mIoU:0.0000} (per class {string.Join(" ", perClass.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))})");
            Console.WriteLine($"synthetic_unet_miou {mIoU:0.0000} steps {done} seconds {used:0.0}");
        }
        if (a.Flag("skip-color")) return;
        var (argmax, balanced) = ColorHistogramBaseline.MeanIoU(train, val);
        Console.WriteLine($"colour histogram (16 levels a channel, {count} training scenes): val mIoU {argmax:0.0000} most frequent class, {balanced:0.0000} prior-balanced");
        Console.WriteLine($"synthetic_color_histogram_miou {Math.Max(argmax, balanced):0.0000}");
        using (var color = new PixelColorNet(train.Classes.Count, 64))
        {
            var (mIoU, perClass, used, done) = TrainAndEvaluate(color, train, val, transforms, batch, lr, seconds, steps, "colour", evalEvery, dice);
            Console.WriteLine($"colour-only: {done} steps in {used:0.0}s, val mIoU {mIoU:0.0000} (per class {string.Join(" ", perClass.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))})");
            Console.WriteLine($"synthetic_color_only_miou {mIoU:0.0000}");
        }
    }

    static (double mIoU, double[] perClass, double seconds, int steps) TrainAndEvaluate(
        nn.Module<Tensor, Tensor> net, SegmentationDataset train, SegmentationDataset val, TransformPipeline transforms,
        int batch, double lr, double seconds, int maxSteps, string label, int evalEvery, bool dice)
    {
        var loader = new DataLoader(train, transforms, new LoaderOptions { BatchSize = batch, Shuffle = true, DropLast = true, Workers = 1, Seed = 0 });
        using var opt = optim.Adam(net.parameters(), lr: lr);
        // Poly decay over the step budget (mmsegmentation's default policy); constant when only time bounds the run.
        var schedule = maxSteps < int.MaxValue ? optim.lr_scheduler.PolyLR(opt, maxSteps, 0.9) : null;
        var clock = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var step = 0;
        net.train();
        using (var stream = loader.Stream())
        {
            while (step < maxSteps && clock.Elapsed.TotalSeconds < seconds)
            {
                using var scope = NewDisposeScope();
                var b = stream.Next()!;
                opt.zero_grad();
                var logits = net.forward(b.Images);
                var loss = F.cross_entropy(logits, b.Masks, ignore_index: 255);
                if (dice) loss = loss + SoftDice(logits, b.Masks);
                loss.backward();
                opt.step();
                schedule?.step();
                step++;
                if (step % 100 == 0)
                    Console.WriteLine($"  {label} step {step} {clock.Elapsed.TotalSeconds:0.0}s, {(Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds:0.0} CPU s, loss {loss.item<float>():0.0000}");
                if (evalEvery > 0 && step % evalEvery == 0)
                {
                    clock.Stop();
                    Console.WriteLine($"  {label} step {step}: val mIoU {Evaluate(net, val, transforms.Normalization).mIoU:0.0000}");
                    clock.Start();
                }
            }
        }
        var used = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {label}: {(Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds:0.0} CPU seconds for {step} steps");
        var (mIoU, perClass) = Evaluate(net, val, transforms.Normalization);
        return (mIoU, perClass, used, step);
    }

    // The quickstart trains with cross-entropy + Dice (docs/run-folder.md's G/ce and G/dice); Dice keeps
    // the small shape classes from drowning in the background's pixels.
    static Tensor SoftDice(Tensor logits, Tensor masks)
    {
        var classes = logits.shape[1];
        var probabilities = F.softmax(logits, 1);
        var truth = F.one_hot(masks, classes).permute(0, 3, 1, 2).to(ScalarType.Float32);
        long[] dims = [0, 2, 3];
        var intersection = probabilities.mul(truth).sum(dims);
        var cardinality = probabilities.add(truth).sum(dims);
        var score = intersection.mul(2.0).div(cardinality.add(1e-6));
        return score.mean().neg().add(1.0);
    }

    public static (double mIoU, double[] perClass) Evaluate(nn.Module<Tensor, Tensor> net, SegmentationDataset val, Normalization normalization)
    {
        var classes = val.Classes.Count;
        var confusion = new long[classes, classes];
        net.eval();
        using var noGrad = no_grad();
        var loader = new DataLoader(val, TransformPipeline.Empty.Normalize(normalization), new LoaderOptions { BatchSize = 32, Shuffle = false, Workers = 0 });
        foreach (var b in loader.Epoch(0))
        {
            using var scope = NewDisposeScope();
            var logits = net.forward(b.Images);
            var prediction = logits.argmax(1).data<long>();
            var truth = b.Masks.data<long>();
            for (var i = 0; i < truth.Length; i++)
                if (truth[i] < classes) confusion[truth[i], prediction[i]]++;
            b.Dispose();
        }
        net.train();
        Console.WriteLine("  confusion (rows truth, columns prediction, % of the row):");
        for (var t = 0; t < classes; t++)
        {
            long row = 0;
            for (var p = 0; p < classes; p++) row += confusion[t, p];
            Console.WriteLine("   " + string.Join(" ", Enumerable.Range(0, classes).Select(p => (100.0 * confusion[t, p] / Math.Max(1, row)).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(5))));
        }
        return MeanIoU(confusion);
    }

    /// <summary>Mean IoU over the classes that occur (in truth or prediction) and the per-class IoU (NaN for absent classes).</summary>
    public static (double mIoU, double[] perClass) MeanIoU(long[,] confusion)
    {
        var classes = confusion.GetLength(0);
        var iou = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            long tp = confusion[c, c], fp = 0, fn = 0;
            for (var k = 0; k < classes; k++)
            {
                if (k == c) continue;
                fp += confusion[k, c];
                fn += confusion[c, k];
            }
            iou[c] = tp + fp + fn == 0 ? double.NaN : (double)tp / (tp + fp + fn);
        }
        return (iou.Where(v => !double.IsNaN(v)).Average(), iou);
    }
}
