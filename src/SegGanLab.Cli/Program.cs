using System.CommandLine;
using SegGanLab.Cli;
using SegGanLab.Torch;

// LibTorch's OpenMP default here is one thread; use every core unless the user chose.
var threads = Environment.GetEnvironmentVariable("SEGGAN_NUM_THREADS") ?? Environment.GetEnvironmentVariable("OMP_NUM_THREADS");
torch.set_num_threads(int.TryParse(threads, out var n) && n > 0 ? n : Environment.ProcessorCount);

// The seggan command line. Each verb lives in its own file under Commands/; later layers
// (experiments, reports, the notebook kernel) add theirs to this list.
var root = new RootCommand("SegGanLab: GAN-based semantic segmentation experiments in C# on LibTorch.")
{
    InfoCommand.Create(),
    KernelCommand.Create(),
    ReportCommand.Create(),
    CompareCommand.Create(),
};
return root.Parse(args).Invoke();
