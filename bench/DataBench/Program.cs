using SegGanLab.Bench;

var arguments = new Arguments(args);
switch (args.FirstOrDefault())
{
    case "throughput":
        Throughput.Run(arguments);
        return 0;
    case "synthetic":
        SyntheticCalibration.Run(arguments);
        return 0;
    default:
        Console.Error.WriteLine("usage: DataBench throughput [--root ../shared/datasets/camvid --workers 2 --batch 8 --batches 40 --warmup 10 --crop 256]");
        Console.Error.WriteLine("       DataBench synthetic [--size 48 --count 4096 --batch 8 --steps 1200 --seconds S --width 8 --lr 3e-3 --threads 2 --seed 0 --eval-every N --ce-only --skip-color]");
        Console.Error.WriteLine("                 [scene options: --min-radius --max-radius --min-shapes --max-shapes --texture --shape-texture --noise]");
        return 2;
}
