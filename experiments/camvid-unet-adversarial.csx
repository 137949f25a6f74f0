// camvid-unet.csx plus a discriminator: adversarial segmentation (Luc et al. 2016; pix2pix's PatchGAN).
//
//     ./seggan run experiments/camvid-unet-adversarial.csx -- ../shared/datasets/camvid     (or set SEGGAN_CAMVID)
//
// Everything the supervised baseline sets is set the same here (data, augmentation, U-Net, weighted
// cross-entropy, Adam 1e-3 with poly decay, batch, steps, seed), so the two runs differ only by the
// adversarial term. The 70x70 PatchGAN judges the image next to the one-hot truth (real) or the
// segmenter's softmax (fake), vanilla GAN loss, trained with pix2pix's Adam 2e-4 (0.5, 0.999);
// the segmenter's loss is weighted CE + 0.01 x adv (Luc et al.'s order of magnitude; Hung et al.
// also use 0.01). Luc et al. report small gains, pix2pix none for photo -> labels: compare honestly,
//     ./seggan compare runs/camvid-unet-* runs/camvid-unet-adversarial-*

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

var result = Experiment.Gan()
    .Name("camvid-unet-adversarial")
    .Data(CamVid(camvid).Resize(240, 176).RandomScale(0.75, 1.5).Crop(240, 176))
    .Generator(UNet(depth: 4, baseWidth: 16))
    .Discriminator(PatchGan())
    .Loss(CrossEntropy(weights) + 0.01 * Adv)
    .Optimizer(Adam(lr: 1e-3))
    .DiscriminatorOptimizer(Adam(lr: 2e-4, betas: (0.5, 0.999)))
    .Schedule(Poly())
    .Batch(8)
    .Steps(3200)
    .Evaluate(every: 400)
    .Checkpoint(every: 400)
    .Seed(0)
    .Run();

Console.WriteLine($"camvid-unet-adversarial: final mIoU {result.FinalMetric:0.000} (best {result.BestMetric:0.000} at step {result.Best?.Step}); run folder {result.Folder}");
