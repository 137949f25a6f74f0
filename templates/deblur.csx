// Deblurring (DeblurGAN-v2's objective): a ResNet generator restores synthetically motion-blurred images; PSNR/SSIM.
// Expected on the synthetic default: see templates/README.md (measured with ./seggan run).
// Make your own copy: ./seggan new deblur my-deblur [--notebook]; run it: ./seggan run experiments/my-deblur.csx

// %% [markdown]
// # Deblurring
//
// Any dataset's images become training pairs: each sharp image is blurred by a synthetic camera-shake
// kernel (seeded per sample), a ResNet generator predicts the residual that restores it (DeblurGAN,
// Kupyn et al. 2018), and a PatchGAN judges restored against sharp images. The loss follows
// DeblurGAN-v2 (Kupyn et al. 2019) without its perceptual term, which needs VGG-19 weights (see the
// comment below). Evaluations report PSNR (dB) and SSIM against the sharp images.

// %%
var result = Experiment.Deblur()
    .Name("deblur")
    // The embedded synthetic scenes' images (48x48); their masks are not used.
    .Data(Synthetic())
    // Motion blur along random camera-shake paths of 3..13 pixels in a 15x15 kernel (the recipe's defaults).
    .MotionBlur(kernelSize: 15, minLength: 3, maxLength: 13)
    // DeblurGAN's ResNet generator with residual output (output = input + G(input)) and instance norm;
    // 6 blocks of width 16 (DeblurGAN: 9 blocks of width 64) for 2 CPU cores.
    .Generator(ResNetGenerator(blocks: 6, baseWidth: 16, residualOutput: true))
    // pix2pix's PatchGAN on the image alone, width 16.
    .Discriminator(PatchGan(layers: 3, baseWidth: 16))
    // DeblurGAN-v2's loss is 0.5 x pixel MSE + 0.006 x VGG-19 conv3_3 + 0.001 x adversarial. The
    // perceptual term is off here so the template runs without files: to turn it on, export the weights
    // (/usr/bin/python3 scripts/export_vgg19_features.py) and use
    // .LossWeights(pixel: 0.5, perceptual: 0.006, adversarial: 0.001).PerceptualWeights("vgg19_features.safetensors").
    .LossWeights(pixel: 0.5, perceptual: 0, adversarial: 0.001)
    // DeblurGAN-v2's RaGAN-LS objective, one critic step (DeblurGanV1() switches to WGAN-GP, 5 critic steps).
    .Mode(GanMode.RaLsGan)
    .CriticSteps(1)
    // DeblurGAN's Adam 1e-4, β1 0.5 for both networks, constant (DeblurGAN decays linearly over its second half).
    .Optimizer(Adam(lr: 1e-4, betas: (0.5, 0.999)))
    .DiscriminatorOptimizer(Adam(lr: 1e-4, betas: (0.5, 0.999)))
    .Schedule(Constant())
    .Steps(1200)
    .Batch(8)
    .Evaluate(every: 200)
    .Checkpoint(every: 400)
    .Seed(0)
    .Run();
Console.WriteLine(result);

// %% [markdown]
// PSNR and SSIM at each evaluation (`report.html` shows blurred | restored | sharp samples).

// %%
MetricChart.Create(result.Evaluations)
