// Supervised U-Net on the synthetic scenes: the baseline every adversarial recipe is compared with.
// Expected on the synthetic default: see templates/README.md (measured with ./seggan run).
// Make your own copy: ./seggan new supervised-unet my-unet [--notebook]; run it: ./seggan run experiments/my-unet.csx

// %% [markdown]
// # Supervised U-Net
//
// A small U-Net trained with cross-entropy + Dice on the embedded synthetic scenes (shapes on
// textured backgrounds; no files needed). Every option is pinned below, with what it does and
// the default of the literature it comes from, so the run is reproducible as written.

// %%
var result = Experiment.Supervised()
    .Name("supervised-unet")
    // The embedded synthetic scenes: the data layer's calibrated defaults (48x48, 6 classes:
    // background + 5 shape kinds) and 256 validation scenes drawn from another seed stream.
    // Swap in CamVid(path), Membrane(path) or Folder(path) for real data.
    .Data(Synthetic())
    // U-Net (Ronneberger et al. 2015) with 3 poolings and widths 8/16/32/64; the paper uses 4 poolings
    // from width 64 (UNet's defaults here: depth 4, base width 64), far too slow for 2 CPU cores.
    .Segmenter(UNet(depth: 3, baseWidth: 8))
    // Cross-entropy + Dice, equally weighted: segmentation_models.pytorch's usual pairing (Dice:
    // Milletari et al. 2016); CE alone is the recipe's default.
    .Loss(CE + Dice)
    // Adam (Kingma & Ba 2015; PyTorch's defaults lr 1e-3, betas (0.9, 0.999)) at 3e-3, which the
    // synthetic set's calibration (bench/synthetic.sh) found fastest for this small U-Net.
    .Optimizer(Adam(lr: 3e-3))
    // Poly decay, lr x (1 - step/steps)^0.9: DeepLab's and AdvSemiSeg's schedule (power 0.9).
    .Schedule(Poly())
    // 1500 steps of batch 8 (about 3 passes over the 4096 training scenes), as the quickstart: at
    // 1200 this small U-Net sits on the knee of its curve and one seed or thread count can land
    // anywhere between 0.55 and 0.84 mIoU; at 1500 it is past it.
    .Steps(1500)
    .Batch(8)
    // Validation mIoU every 200 steps (and after the last); the best checkpoint follows it.
    .Evaluate(every: 200)
    .Checkpoint(every: 400)
    // One seed fixes the weights' initialisation, the data order and the augmentation.
    .Seed(0)
    .Run();
Console.WriteLine(result);

// %% [markdown]
// The validation curves (`report.html` in the run folder has them too, with the per-class table and sample masks).

// %%
MetricChart.Create(result.Evaluations)
