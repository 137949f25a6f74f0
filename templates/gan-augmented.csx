// GAN data augmentation: a DCGAN draws (image, mask) pairs that join the segmenter's real batches.
// Expected on the synthetic scenes at 64x64: see templates/README.md (measured with ./seggan run).
// Make your own copy: ./seggan new gan-augmented my-aug [--notebook]; run it: ./seggan run experiments/my-aug.csx

// %% [markdown]
// # GAN data augmentation
//
// A pair generator learns to draw images together with their masks from noise, a discriminator
// judges (image, mask) pairs against real ones, and the segmenter trains on each real batch plus,
// from the augmentation start, synthetic pairs (their masks are the generator's argmax). The
// generated pairs of fixed noise are saved with each evaluation (`synthetic-k.png`,
// `synthetic-mask-k.png` in the run's samples), so the generator's progress can be seen.

// %%
var result = Experiment.GanAugmented()
    .Name("gan-augmented")
    // The synthetic scenes at 64x64: the DCGAN generator draws squares of a power-of-two side.
    // Compare with supervised-unet on .Data(Synthetic(size: 64)).
    .Data(Synthetic(size: 64))
    // The segmenter: the supervised template's U-Net.
    .Segmenter(UNet(depth: 3, baseWidth: 8))
    // The pair generator: DCGAN (Radford et al. 2016) transposed convolutions from 100-d noise (DCGAN's
    // nz) to an image and a class map; width 16 (DCGAN's ngf is 64) for 2 CPU cores.
    .Generator(DcganJoint(latentSize: 100, baseWidth: 16))
    // The pair discriminator: pix2pix's 70x70 PatchGAN on image + mask channels, width 16.
    .Discriminator(PatchGan(layers: 3, baseWidth: 16))
    // DCGAN's objective (vanilla GAN: BCE on logits) and Adam 2e-4, betas (0.5, 0.999) for both GAN networks.
    .Mode(GanMode.Vanilla)
    .GeneratorOptimizer(Adam(lr: 2e-4, betas: (0.5, 0.999)))
    .DiscriminatorOptimizer(Adam(lr: 2e-4, betas: (0.5, 0.999)))
    // Half a batch of synthetic pairs per real batch (the recipe's default), from step 400 of 1200, once
    // the generator has had time to learn (the recipe's default start, 1000, suits longer runs).
    .SyntheticRatio(0.5)
    .AugmentStart(400)
    // The segmenter's loss and optimizer as in supervised-unet.
    .Loss(CE + Dice)
    .Optimizer(Adam(lr: 3e-3))
    .Schedule(Poly())
    .Steps(1200)
    .Batch(8)
    .Evaluate(every: 200)
    .Checkpoint(every: 400)
    // Four generated pairs from fixed noise with each evaluation.
    .SyntheticSamples(4)
    .Seed(0)
    .Run();
Console.WriteLine(result);

// %% [markdown]
// The losses: the segmenter's (`S/...`), the pair generator's (`G/adv`) and the discriminator's (`D/real`, `D/fake`).

// %%
LossChart.Create(result.History)
