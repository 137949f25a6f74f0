// A U-Net on CamVid (SegNet tutorial layout: 367 train / 101 val images, 480x360, 11 classes + void).
//
//     ./seggan run experiments/camvid-unet.csx -- ../shared/datasets/camvid     (or set SEGGAN_CAMVID)
//
// The supervised baseline for camvid-unet-adversarial.csx, which adds a PatchGAN and nothing else:
// keep the two in step to compare them (./seggan compare runs/camvid-unet-* runs/camvid-unet-adversarial-*).
// Settings: cross-entropy with median-frequency class weights computed from the training labels
// (Eigen & Fergus; SegNet trains CamVid with them), void (label 11) ignored in loss and metrics;
// images resized to 480x352 (the U-Net halves four times, so sides must be multiples of 16),
// random scale 0.75-1.5, 256x256 crops and flips for training; whole 480x352 images for validation.
// Adam 1e-3 with poly decay (power 0.9), batch 8, 8000 steps (about 175 epochs; SegNet ran 10k
// iterations of batch 4). For scale: SegNet-Basic reports 46.3 mIoU on CamVid's test split (not
// shipped here; this reports val). Hours on a CPU; on a GPU add .Device("cuda") with a CUDA LibTorch.

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

var camvid = DataPath("CamVid", "SEGGAN_CAMVID", "../shared/datasets/camvid");
var labels = DatasetSummary.Compute(Datasets.CamVid(camvid, "train"));
var weights = ClassWeights.MedianFrequency(labels.ClassPixels, labels.ImagePixelsWithClass);

var result = Experiment.Supervised()
    .Name("camvid-unet")
    .Data(CamVid(camvid).Resize(480, 352).RandomScale(0.75, 1.5).Crop(256, 256))
    .Segmenter(UNet(depth: 4, baseWidth: 32))
    .Loss(CrossEntropy(weights))
    .Optimizer(Adam(lr: 1e-3))
    .Schedule(Poly())
    .Batch(8)
    .Steps(8000)
    .Evaluate(every: 500)
    .Checkpoint(every: 500)
    .Seed(0)
    .Run();

Console.WriteLine($"camvid-unet: final mIoU {result.FinalMetric:0.000} (best {result.BestMetric:0.000} at step {result.Best?.Step}); run folder {result.Folder}");
