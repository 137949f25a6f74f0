using System.Diagnostics;
using System.Globalization;
using SegGanLab.Bench;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

// One pix2pix-style GAN training step (D update, then G update: BCE-with-logits adversarial terms,
// L1 x 100, Adam 2e-4 / (0.5, 0.999)), timed over --steps after --warmup, exactly as
// bench/pytorch/step_bench.py does it. Prints one line: "ms_per_step <median>".
if (args.Length >= 2 && args[0] == "--matmul")
{
    // bench/blas.sh: GFLOP/s of an n x n float32 matrix product (the BLAS LibTorch was linked with).
    var n = int.Parse(args[1], CultureInfo.InvariantCulture);
    set_num_threads(args.Length >= 4 && args[2] == "--threads" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1);
    using var a = randn(n, n);
    using var b = randn(n, n);
    using (a.matmul(b)) { }
    var best = double.MaxValue;
    for (var k = 0; k < 5; k++)
    {
        var t0 = Stopwatch.GetTimestamp();
        using (a.matmul(b)) { }
        best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gflops {2.0 * n * n * n / best / 1e9:F2}"));
    return;
}

var options = BenchOptions.Parse(args);
set_num_threads(options.Threads);
manual_seed(0);

using var g = new UNetGenerator(3, 3, options.Width, options.Depth);
using var d = new PatchDiscriminator(6, options.Width);
using var optG = optim.Adam(g.parameters(), lr: 2e-4, betas: (0.5, 0.999));
using var optD = optim.Adam(d.parameters(), lr: 2e-4, betas: (0.5, 0.999));
using var x = randn(options.Batch, 3, options.Size, options.Size);
using var y = randn(options.Batch, 3, options.Size, options.Size).tanh();

void Step()
{
    using var scope = NewDisposeScope();
    var fake = g.forward(x);

    optD.zero_grad();
    var predFake = d.forward(cat([x, fake.detach()], 1));
    var predReal = d.forward(cat([x, y], 1));
    var lossD = (F.binary_cross_entropy_with_logits(predFake, zeros_like(predFake)) +
                 F.binary_cross_entropy_with_logits(predReal, ones_like(predReal))) * 0.5;
    lossD.backward();
    optD.step();

    optG.zero_grad();
    var predG = d.forward(cat([x, fake], 1));
    var lossG = F.binary_cross_entropy_with_logits(predG, ones_like(predG)) + F.l1_loss(fake, y) * 100.0;
    lossG.backward();
    optG.step();
}

for (var k = 0; k < options.Warmup; k++) Step();
var times = new double[options.Steps];
for (var k = 0; k < options.Steps; k++)
{
    var start = Stopwatch.GetTimestamp();
    Step();
    times[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}
Array.Sort(times);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ms_per_step {times[times.Length / 2]:F3}"));

sealed record BenchOptions(int Batch, int Size, int Steps, int Warmup, int Threads, int Width, int Depth)
{
    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(8, 128, 20, 3, Environment.ProcessorCount, 32, 4);
        for (var k = 0; k + 1 < args.Length; k += 2)
        {
            var v = int.Parse(args[k + 1], CultureInfo.InvariantCulture);
            o = args[k] switch
            {
                "--batch" => o with { Batch = v },
                "--size" => o with { Size = v },
                "--steps" => o with { Steps = v },
                "--warmup" => o with { Warmup = v },
                "--threads" => o with { Threads = v },
                "--width" => o with { Width = v },
                "--depth" => o with { Depth = v },
                _ => throw new ArgumentException($"unknown option {args[k]}; use --batch --size --steps --warmup --threads --width --depth"),
            };
        }
        return o;
    }
}
