// A U-Net on CamVid (SegNet tutorial layout: 367 train / 101 val images, 480x360, 11 classes + void).
//
//     ./seggan run experiments/camvid-unet.csx -- ../shared/datasets/camvid     (or set SEGGAN_CAMVID)
//
// The supervised baseline for camvid-unet-adversarial.csx, which adds a PatchGAN and nothing else:
// keep the two in step to compare them (./seggan compare runs/camvid-unet-* runs/camvid-unet-adversarial-*).
// Sized for an hour of two CPU cores (issue 9's budget; 3200 steps, about 70 epochs): half resolution
// (every image resized to 240x176: the U-Net halves four times, so sides must be multiples of 16),
// a width-16 U-Net, random scale 0.75-1.5 with 240x176 crops and flips for training, whole 240x176
// images for validation (metrics at that size, labels resized nearest-neighbour). Cross-entropy with
// median-frequency class weights computed from the training labels (Eigen & Fergus; SegNet trains
// CamVid with them), void (label 11) ignored in loss and metrics; Adam 1e-3 with poly decay (power
// 0.9), batch 8. For scale: SegNet-Basic reports 46.3 mIoU on CamVid's test split at full
// resolution (the test split is not shipped here; this reports val). With a GPU, add
// .Device("cuda") (CUDA LibTorch), raise the width to 32-64, drop the Resize for full resolution
// with 352x352 crops, and train 10-20k steps.

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
    .Data(CamVid(camvid).Resize(240, 176).RandomScale(0.75, 1.5).Crop(240, 176))
    .Segmenter(UNet(depth: 4, baseWidth: 16))
    .Loss(CrossEntropy(weights))
    .Optimizer(Adam(lr: 1e-3))
    .Schedule(Poly())
    .Batch(8)
    .Steps(3200)
    .Evaluate(every: 400)
    .Checkpoint(every: 400)
    .Seed(0)
    .Run();

Console.WriteLine($"camvid-unet: final mIoU {result.FinalMetric:0.000} (best {result.BestMetric:0.000} at step {result.Best?.Step}); run folder {result.Folder}");
