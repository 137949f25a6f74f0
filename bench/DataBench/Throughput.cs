using System.Diagnostics;
using SegGanLab.Data;
using SegGanLab.Torch;

namespace SegGanLab.Bench;

/// <summary>
/// The SegGanLab side of bench/data.sh: CamVid train through the loader (decode, random 256x256
/// crop, flip, colour jitter, ImageNet normalisation, batches of 8 with N workers), as
/// bench/pytorch/data_bench.py does with PIL and torchvision. Prints "images_per_s rate".
/// </summary>
internal static class Throughput
{
    public static void Run(Arguments a)
    {
        var root = a.String("root", "../shared/datasets/camvid");
        var workers = a.Int("workers", 2);
        var batch = a.Int("batch", 8);
        var batches = a.Int("batches", 40);
        var warmup = a.Int("warmup", 10);
        var crop = a.Int("crop", 256);
        var transforms = TransformPipeline.Empty.RandomCrop(crop, crop).HorizontalFlip().ColorJitter(0.2, 0.2, 0.2, 0.05);
        var loader = new DataLoader(Datasets.CamVid(root, "train"), transforms,
                                    new LoaderOptions { BatchSize = batch, Workers = workers, Shuffle = true, DropLast = true, Seed = 0 });
        using var stream = loader.Stream();
        Stopwatch? clock = null;
        var cpuStart = TimeSpan.Zero;
        for (var k = 0; k < warmup + batches; k++)
        {
            if (k == warmup) (clock, cpuStart) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
            using var b = stream.Next()!;
            if (b.Images.shape[0] != batch || b.Masks.dtype != ScalarType.Int64) throw new InvalidOperationException($"unexpected batch {b}");
        }
        var elapsed = clock!.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds;
        Console.WriteLine($"gc: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused");
        Console.WriteLine($"cpu_ms_per_image {cpu / (batches * batch):0.00}");
        Console.WriteLine($"images_per_s {batches * batch / elapsed:0.00}");
    }
}
