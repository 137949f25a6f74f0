// The U-Net paper's first task: ISBI 2012 EM membrane segmentation (30 grayscale 512x512 slices,
// masks 0 = membrane, 255 = cell interior), as a binary segmentation with one sigmoid output.
//
//     ./seggan run experiments/membrane-unet.csx -- ../shared/datasets/membrane     (or set SEGGAN_MEMBRANE)
//
// Settings: 6 of the 30 slices held out for validation (a fixed split); training on random 256x256
// crops with flips and rotations up to 15 degrees (the U-Net paper leans on heavy augmentation for
// so few images); whole 512x512 slices for validation. A width-16 U-Net (one grayscale channel in,
// one sigmoid channel out), binary cross-entropy + Dice, Adam 1e-3 with poly decay, batch 4, 800
// steps (130 epochs of the 24 training slices): about 10 minutes of two CPU cores. Dice (mDice) is
// the usual metric here.

// The dataset folder: the first script argument (after --), else the environment variable; stops with the fix when missing.
string DataPath(string dataset, string variable, string example)
{
    var script = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, ExperimentHost.ScriptPath ?? "experiments/<script>.csx");
    var path = Args.Count > 0 && Args[0].Length > 0 ? Args[0] : Environment.GetEnvironmentVariable(variable);
    if (string.IsNullOrWhiteSpace(path))
        throw new System.IO.DirectoryNotFoundException($"No {dataset} folder given: pass it after -- (./seggan run {script} -- {example}) or set {variable}.");
    if (!System.IO.Directory.Exists(path))
        throw new System.IO.DirectoryNotFoundException($"The {dataset} folder '{System.IO.Path.GetFullPath(path)}' does not exist: pass the dataset's folder after -- (e.g. -- {example}) or in {variable}.");
    return path;
}

var membrane = DataPath("membrane", "SEGGAN_MEMBRANE", "../shared/datasets/membrane");

var result = Experiment.Supervised()
    .Name("membrane-unet")
    .Data(Membrane(membrane, valFraction: 0.2).Crop(256, 256).Rotate(15))
    .Segmenter(UNet(depth: 4, baseWidth: 16))
    .Loss(Bce + Dice)
    .Optimizer(Adam(lr: 1e-3))
    .Schedule(Poly())
    .Batch(4)
    .Steps(800)
    .Evaluate(every: 200)
    .Checkpoint(every: 200)
    .Seed(0)
    .Run();

var dice = result.Best?.Metric("mDice") ?? double.NaN;
Console.WriteLine($"membrane-unet: best mDice {dice:0.000}, mIoU {result.BestMetric:0.000} at step {result.Best?.Step}; run folder {result.Folder}");
