// The SegGanLab side of bench/parity.sh; bench/pytorch/camvid_parity.py is the same recipe in PyTorch.
//
//     ./seggan run bench/parity/camvid.csx -- CAMVID [supervised|adversarial] [STEPS] [EVAL_EVERY] [WIDTH]
//
// A U-Net (depth 4, width 16 by default) on CamVid at half resolution: every image resized to
// 240x176 (sides must be multiples of 16 for four poolings), flips, ImageNet normalisation;
// cross-entropy with median-frequency weights from the training labels, void ignored; Adam 1e-3
// with poly decay, batch 8; the whole val split evaluated every EVAL_EVERY steps. "adversarial"
// adds the 70x70 PatchGAN on image + class map (vanilla GAN, lambda_adv 0.01, D: Adam 2e-4 (0.5, 0.999)).
// Keep every setting in step with the PyTorch script: parity means the same recipe on both sides.

if (Args.Count < 1 || !System.IO.Directory.Exists(Args[0]))
    throw new System.IO.DirectoryNotFoundException($"bench/parity/camvid.csx: pass the CamVid folder first, e.g. -- ../shared/datasets/camvid (got '{(Args.Count > 0 ? Args[0] : "")}').");
var camvid = Args[0];
var recipe = Args.Count > 1 ? Args[1] : "supervised";
long Number(int index, long fallback) => Args.Count > index ? long.Parse(Args[index]) : fallback;
var (steps, evalEvery, width) = (Number(2, 500), Number(3, 250), Number(4, 16));

var labels = DatasetSummary.Compute(Datasets.CamVid(camvid, "train"));
var weights = ClassWeights.MedianFrequency(labels.ClassPixels, labels.ImagePixelsWithClass);
Console.Error.WriteLine($"class weights [{string.Join(", ", weights.Select(w => w.ToString("0.0000")))}]");

var data = CamVid(camvid).Resize(240, 176);
var segmenter = UNet(depth: 4, baseWidth: width);
ExperimentResult result = recipe switch
{
    "supervised" => Experiment.Supervised().Name("camvid-parity-seggan")
        .Data(data).Segmenter(segmenter).Loss(CrossEntropy(weights))
        .Optimizer(Adam(lr: 1e-3)).Schedule(Poly()).Batch(8).Steps(steps).Evaluate(every: evalEvery).Seed(0).Run(),
    "adversarial" => Experiment.Gan().Name("camvid-parity-seggan-adversarial")
        .Data(data).Generator(segmenter).Discriminator(PatchGan()).Loss(CrossEntropy(weights) + 0.01 * Adv)
        .Optimizer(Adam(lr: 1e-3)).DiscriminatorOptimizer(Adam(lr: 2e-4, betas: (0.5, 0.999)))
        .Schedule(Poly()).Batch(8).Steps(steps).Evaluate(every: evalEvery).Seed(0).Run(),
    _ => throw new ArgumentException($"bench/parity/camvid.csx: the recipe is 'supervised' or 'adversarial', not '{recipe}'."),
};
Console.WriteLine($"camvid parity ({recipe}): final mIoU {result.FinalMetric:0.0000}; run folder {result.Folder}");
