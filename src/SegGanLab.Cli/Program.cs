using System.CommandLine;
using SegGanLab.Cli;

// The seggan command line. Each verb lives in its own file under Commands/; later layers
// (experiments, reports, the notebook kernel) add theirs to this list.
var root = new RootCommand("SegGanLab: GAN-based semantic segmentation experiments in C# on LibTorch.")
{
    InfoCommand.Create(),
};
return root.Parse(args).Invoke();
