// Adversarial segmentation (pix2pix / Luc et al. 2016): the supervised U-Net plus a PatchGAN judging label maps.
// Expected on the synthetic default: see templates/README.md (measured with ./seggan run).
// Make your own copy: ./seggan new adversarial my-gan [--notebook]; run it: ./seggan run experiments/my-gan.csx

// %% [markdown]
// # Adversarial segmentation
//
// The segmenter of `supervised-unet` with the same loss, plus a small adversarial term: a
// PatchGAN discriminator sees the image next to a label map, the one-hot ground truth (real)
// or the segmenter's softmax (fake), and the segmenter is pushed to make maps it cannot tell
// apart (Luc et al. 2016, arXiv 1611.08408; the conditional PatchGAN of pix2pix, Isola et al.
// 2017). Luc et al. report small gains, pix2pix none for photo to labels: compare the two runs.

// %%
var result = Experiment.Gan()
    .Name("adversarial")
    // The embedded synthetic scenes (48x48, 6 classes), as in supervised-unet, so the runs compare.
    .Data(Synthetic())
    // The segmenter (the GAN's generator): the supervised template's U-Net, 3 poolings, widths 8..64.
    .Generator(UNet(depth: 3, baseWidth: 8))
    // pix2pix's "basic" 70x70 PatchGAN: 3 strided 4x4 convolutions, LeakyReLU 0.2, no norm on the
    // first layer; width 16 instead of pix2pix's 64 to fit 2 CPU cores. Its input channels (image +
    // classes) come from the data.
    .Discriminator(PatchGan(layers: 3, baseWidth: 16))
    // Segmentation terms + 0.01 x adversarial: 0.01 is Hung et al.'s lambda_adv and pix2pix's ratio
    // of its GAN term to lambda_L1 = 100. The recipe's default is CE + 0.01 x Adv.
    .Loss(CE + Dice + 0.01 * Adv)
    // Vanilla GAN (BCE on logits), pix2pix's gan_mode; also LsGan, Hinge, WganGp (5 critic steps, λ 10).
    .Mode(GanMode.Vanilla)
    // One discriminator update per segmenter update (pix2pix; WGAN-GP would default to 5).
    .CriticSteps(1)
    // How D sees label maps (Luc et al. sec. 3.2): the probability map as is ("basic"); "scaling"
    // softens the one-hot truth so D cannot win by spotting exact 0/1 values.
    .Encoding(LabelEncoding.Basic)
    // No image pool of past fakes (pix2pix's pool_size 0; CycleGAN uses 50).
    .ImagePool(0)
    // The segmenter's optimizer as in supervised-unet (Adam 3e-3, poly decay) so the comparison
    // isolates the adversarial term; D: pix2pix's Adam 2e-4, betas (0.5, 0.999).
    .Optimizer(Adam(lr: 3e-3))
    .DiscriminatorOptimizer(Adam(lr: 2e-4, betas: (0.5, 0.999)))
    .Schedule(Poly())
    // A step is one segmenter update (with its discriminator update).
    .Steps(1200)
    .Batch(8)
    .Evaluate(every: 200)
    .Checkpoint(every: 400)
    .Seed(0)
    .Run();
Console.WriteLine(result);

// %% [markdown]
// The losses: the segmenter's terms (`G/ce`, `G/dice`, `G/adv`) and the discriminator's (`D/real`,
// `D/fake`); a discriminator whose losses go to 0 has won and its signal stops helping. The run
// folder's `report.html` has the validation curves, per-class table and sample masks.

// %%
LossChart.Create(result.History)
