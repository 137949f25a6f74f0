// Semi-supervised adversarial segmentation (Hung et al. 2018): 1/8 of the labels, the rest as unlabelled images.
// Expected on the synthetic default: see templates/README.md (measured with ./seggan run).
// Make your own copy: ./seggan new semi-supervised my-semi [--notebook]; run it: ./seggan run experiments/my-semi.csx

// %% [markdown]
// # Semi-supervised adversarial segmentation
//
// Hung et al. 2018 ("Adversarial Learning for Semi-Supervised Semantic Segmentation", code:
// hfslyc/AdvSemiSeg): a fully convolutional discriminator turns the segmenter's softmax into a
// per-pixel confidence map. Labelled batches train the segmentation loss + λ_adv x adversarial;
// unlabelled images add λ_semi_adv x adversarial and, from semi_start, λ_semi x cross-entropy on
// the pixels the discriminator trusts (confidence ≥ mask_T) as pseudo-labels. Compare it with
// `supervised-unet` given the same `.Labelled(0.125)`: that is the paper's baseline.

// %%
var result = Experiment.SemiSupervised()
    .Name("semi-supervised")
    // The embedded synthetic scenes (48x48, 6 classes), as in supervised-unet.
    .Data(Synthetic())
    // Keep the labels of 1/8 of the training scenes (Hung et al.'s hardest VOC split, --partial-data
    // 0.125); the other 7/8 are the unlabelled images. The split is fixed, independent of the seed.
    .Labelled(0.125)
    // The supervised template's U-Net (Hung et al. use DeepLab-v2 on ResNet-101, far beyond 2 CPU cores).
    .Segmenter(UNet(depth: 3, baseWidth: 8))
    // Hung et al.'s discriminator: five 4x4 stride-2 convolutions (64, 128, 256, 512 -> 1), LeakyReLU 0.2,
    // on the C-channel probability map (no image); width 16 instead of 64 for 2 CPU cores.
    .Discriminator(HungDiscriminator(baseWidth: 16))
    // The labelled loss: CE + Dice as in supervised-unet (AdvSemiSeg: cross-entropy alone).
    .Loss(CE + Dice)
    // λ_adv 0.01 (the README's 1/8 command; the code's default is 0.1), λ_semi_adv 0.001, λ_semi 0.1,
    // mask_T 0.2: AdvSemiSeg's values.
    .LambdaAdv(0.01)
    .LambdaSemiAdv(0.001)
    .LambdaSemi(0.1)
    .MaskThreshold(0.2)
    // semi_start: pseudo-labels from step 300, a quarter of the run as in AdvSemiSeg (5000 of 20000 steps).
    .SemiStart(300)
    // The segmenter: Adam 3e-3 with poly decay as in supervised-unet (AdvSemiSeg: SGD 2.5e-4, momentum 0.9,
    // for a pretrained DeepLab). The discriminator: AdvSemiSeg's Adam 1e-4, betas (0.9, 0.99).
    .Optimizer(Adam(lr: 3e-3))
    .DiscriminatorOptimizer(Adam(lr: 1e-4, betas: (0.9, 0.99)))
    .Schedule(Poly())
    .Steps(1200)
    .Batch(8)
    .Evaluate(every: 200)
    .Checkpoint(every: 400)
    .Seed(0)
    .Run();
Console.WriteLine(result);

// %% [markdown]
// The losses: `G/semi_adv` from the start, `G/semi_ce` from semi_start; `G/semi_ratio` is the fraction
// of unlabelled pixels confident enough to become pseudo-labels.

// %%
LossChart.Create(result.History)
