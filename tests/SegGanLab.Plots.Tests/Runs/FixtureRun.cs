using System.Globalization;
using System.Text;
using System.Text.Json;
using SegGanLab.Imaging;

namespace SegGanLab.Plots.Tests.Runs;

/// <summary>
/// Writes small, deterministic run folders as docs/run-folder.md describes: a GAN segmentation
/// run (3 classes, G and D losses, evaluations with per-class tables, confusion matrices and
/// samples) or a deblur run. Each instance owns a temporary folder it deletes on dispose.
/// </summary>
sealed class FixtureRun : IDisposable
{
    public static readonly string[] ClassNames = ["background", "disc", "square"];
    public static readonly int[][] Palette = [[0, 0, 0], [230, 25, 75], [60, 180, 75]];
    public const int Steps = 200, TrainEvery = 10, EvalEvery = 50, SampleCount = 3, Width = 48, Height = 32;

    readonly string _root;

    FixtureRun(string root, string folder) => (_root, Folder) = (root, folder);

    /// <summary>The run folder.</summary>
    public string Folder { get; }

    public string PathOf(string relative) => Path.Combine(Folder, relative);

    /// <summary>A GAN segmentation run; <paramref name="seed"/> varies its numbers, <paramref name="steps"/> its length.</summary>
    public static FixtureRun Segmentation(string name = "quickstart", int seed = 0, int steps = Steps)
    {
        var run = Create(name, seed);
        var random = new Random(seed);
        run.Write("options.json", new
        {
            recipe = "gan", name, seed,
            options = new Dictionary<string, object>
            {
                ["steps"] = new { value = steps, @default = 1000 },
                ["batch"] = new { value = 8, @default = 8 },
                ["lr"] = new { value = 2e-4, @default = 2e-4 },
                ["adv_weight"] = new { value = 0.01, @default = 0.1 },
                ["model"] = new { value = "unet", @default = "unet" },
                ["crop"] = new { value = new[] { 32, 48 }, @default = new[] { 256, 256 } },
            },
        });
        run.Write("env.json", new { libtorch = new { version = "1.13.1", threads = 2 }, device = "cpu", os = "Debian 13", seggan = new { version = "0.1.0", commit = "abc1234" }, data = new { fingerprint = "synthetic-3c" } });
        run.Write("classes.json", new { names = ClassNames, palette = Palette, ignore_index = 255, binary = false });
        var log = new StringBuilder();
        for (var step = TrainEvery; step <= steps; step += TrainEvery)
        {
            var t = step / (double)steps;
            double Noise(double scale) => (random.NextDouble() - 0.5) * scale;
            double ce = 1.1 * Math.Exp(-3 * t) + 0.15 + Noise(0.08), dice = 0.6 * Math.Exp(-2 * t) + 0.1 + Noise(0.05), adv = 0.01 * (0.69 + Noise(0.1));
            double real = 0.5 * (0.6 + Noise(0.2)), fake = 0.5 * (0.7 + Noise(0.2));
            var lr = 2e-4 * (t < 0.5 ? 1 : 2 * (1 - t));
            log.Append(Json(new
            {
                kind = "train", step, epoch = step / 40.0, time = step * 0.12,
                losses = new Dictionary<string, double> { ["G/ce"] = ce, ["G/dice"] = dice, ["G/adv"] = adv, ["G/total"] = ce + dice + adv, ["D/real"] = real, ["D/fake"] = fake, ["D/total"] = real + fake },
                lr = new { G = lr, D = lr },
            })).Append('\n');
            if (step % EvalEvery != 0) continue;
            var quality = 0.55 + 0.35 * t + random.NextDouble() * 0.03 - (step == steps ? 0.15 : 0); // the last evaluation dips: best != final
            var matrix = Confusion(quality);
            var perClass = PerClass(matrix);
            var rel = $"step-{step:0000000}";
            run.Write($"confusion/{rel}.json", new { names = ClassNames, matrix });
            run.WriteSamples($"samples/{rel}", quality, seed + step);
            log.Append(Json(new
            {
                kind = "eval", step, epoch = step / 40.0, time = step * 0.12 + 1, split = "val",
                metrics = new { mIoU = perClass.Average(c => c.Iou), mAcc = perClass.Average(c => c.Acc), aAcc = Accuracy(matrix), mDice = perClass.Average(c => c.Dice), fwIoU = perClass[0].Iou },
                per_class = perClass.Select((c, i) => new { name = ClassNames[i], iou = c.Iou, acc = c.Acc, dice = c.Dice, precision = c.Precision, recall = c.Acc }),
                confusion = $"confusion/{rel}.json", samples = $"samples/{rel}",
            })).Append('\n');
        }
        File.WriteAllText(run.PathOf("metrics.jsonl"), log.ToString());
        return run;
    }

    /// <summary>A deblur run: PSNR/SSIM evaluations and blurred/restored/sharp samples.</summary>
    public static FixtureRun Deblur(string name = "deblur")
    {
        var run = Create(name, 7);
        run.Write("options.json", new { recipe = "deblur", name, seed = 7, options = new { steps = new { value = 100, @default = 100 } } });
        var log = new StringBuilder();
        for (var step = 10; step <= 100; step += 10)
        {
            log.Append(Json(new { kind = "train", step, losses = new Dictionary<string, double> { ["G/l1"] = 1.0 / step, ["G/perceptual"] = 2.0 / step, ["G/total"] = 3.0 / step, ["D/total"] = 0.5 }, lr = new { G = 1e-4, D = 1e-4 } })).Append('\n');
            if (step % 50 != 0) continue;
            var rel = $"samples/step-{step:0000000}";
            Directory.CreateDirectory(run.PathOf(rel));
            foreach (var role in new[] { "blurred", "restored", "sharp" })
                ImageFile.WritePng(run.PathOf($"{rel}/{role}-0.png"), SampleImage(step + role.Length));
            log.Append(Json(new { kind = "eval", step, split = "val", metrics = new { PSNR = 20 + step / 10.0, SSIM = 0.7 + step / 1000.0 }, samples = rel })).Append('\n');
        }
        File.WriteAllText(run.PathOf("metrics.jsonl"), log.ToString());
        return run;
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { } // A test that still holds a file open must not hide its own failure.
    }

    static FixtureRun Create(string name, int seed)
    {
        var root = Path.Combine(Path.GetTempPath(), "seggan-plots-tests", Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "runs", $"{name}-2025010{seed % 10}-1200{seed % 10}0");
        Directory.CreateDirectory(folder);
        return new FixtureRun(root, folder);
    }

    public void Write(string relative, object value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), Json(value));
    }

    static string Json(object value) => JsonSerializer.Serialize(value);

    // Pixel counts for 3 classes whose diagonal share grows with quality.
    static long[][] Confusion(double quality)
    {
        long[] totals = [9000, 900, 700];
        return totals.Select((n, t) => Enumerable.Range(0, 3).Select(p =>
            p == t ? (long)(n * quality) : (long)(n * (1 - quality) / 2)).ToArray()).ToArray();
    }

    static List<(double Iou, double Acc, double Dice, double Precision)> PerClass(long[][] m) => Enumerable.Range(0, 3).Select(c =>
    {
        double tp = m[c][c], fn = m[c].Sum() - tp, fp = m.Sum(r => r[c]) - tp;
        return (tp / (tp + fp + fn), tp / (tp + fn), 2 * tp / (2 * tp + fp + fn), tp / (tp + fp));
    }).ToList();

    static double Accuracy(long[][] m) => Enumerable.Range(0, 3).Sum(c => (double)m[c][c]) / m.Sum(r => r.Sum());

    void WriteSamples(string relative, double quality, int seed)
    {
        Directory.CreateDirectory(PathOf(relative));
        var palette = new Palette(Palette.Select(c => new Rgb24((byte)c[0], (byte)c[1], (byte)c[2])));
        for (var k = 0; k < SampleCount; k++)
        {
            var truth = Labels(k, shift: 0);
            // The prediction misses by a few pixels, less as quality grows; row 0 is ignored (255) in the truth.
            var pred = Labels(k, shift: (int)Math.Round((1 - quality) * 10));
            for (var x = 0; x < Width; x++) truth[x] = 255;
            ImageFile.WritePng(PathOf($"{relative}/image-{k}.png"), SampleImage(seed + k, truth));
            ImageFile.WritePng(PathOf($"{relative}/truth-{k}.png"), new ImageData(Width, Height, 1, truth, palette));
            ImageFile.WritePng(PathOf($"{relative}/pred-{k}.png"), new ImageData(Width, Height, 1, pred, palette));
        }
    }

    // A disc (class 1) on the left and a square (class 2) on the right, moved by the sample number and a shift.
    internal static byte[] Labels(int k, int shift)
    {
        var labels = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var (dx, dy) = (x - (12 + k + shift), y - 16);
                labels[y * Width + x] = dx * dx + dy * dy <= 64 ? (byte)1 : x >= 28 + shift && x < 40 + shift && y >= 10 && y < 22 ? (byte)2 : (byte)0;
            }
        return labels;
    }

    static ImageData SampleImage(int seed, byte[]? labels = null)
    {
        var random = new Random(seed);
        var pixels = new byte[Width * Height * 3];
        for (var i = 0; i < Width * Height; i++)
        {
            var label = labels is null ? (byte)0 : labels[i] == 255 ? (byte)0 : labels[i];
            byte[] color = label switch { 1 => [200, 60, 60], 2 => [70, 160, 80], _ => [(byte)(40 + i % Width * 3), 80, (byte)(120 + i / Width * 2)] };
            for (var c = 0; c < 3; c++) pixels[3 * i + c] = (byte)Math.Clamp(color[c] + random.Next(-12, 13), 0, 255);
        }
        return new ImageData(Width, Height, 3, pixels);
    }

    public override string ToString() => Folder.ToString(CultureInfo.InvariantCulture);
}
