using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// The entry points of the experiment DSL, one per recipe. Each returns a builder whose verbs set
/// one thing each; <c>Summary()</c> checks and dry-runs it, <c>Run()</c> trains it into a run folder.
/// </summary>
/// <example><code>
/// // In a script (the script defaults import the bare names):
/// Experiment.Supervised().Segmenter(UNet).Loss(CE + Dice).Data(Synthetic()).Steps(1200).Run();
/// // In plain C#:
/// using static SegGanLab.Experiments.ModelSpec;
/// using static SegGanLab.Experiments.DataSpec;
/// using static SegGanLab.Experiments.LossTerms;
/// var result = Experiment.Supervised().Segmenter(UNet(depth: 3)).Loss(CE + Dice).Data(Synthetic()).Run();
/// </code></example>
public static class Experiment
{
    /// <summary>Supervised segmentation: a segmenter and a loss (the baseline).</summary>
    public static SupervisedExperiment Supervised() => new(new ExperimentSettings());

    /// <summary>Adversarial segmentation (pix2pix, Luc et al. 2016): a segmenter (generator) and a discriminator.</summary>
    public static GanExperiment Gan() => new(new ExperimentSettings(), new AdversarialRecipeOptions());

    /// <summary>Semi-supervised adversarial segmentation (Hung et al. 2018): a segmenter, a confidence-map discriminator and unlabelled images.</summary>
    public static SemiSupervisedExperiment SemiSupervised() => new(new ExperimentSettings(), new SemiSupervisedRecipeOptions());

    /// <summary>GAN data augmentation: a pair generator and discriminator learn the data, the segmenter trains on real plus synthetic pairs.</summary>
    public static GanAugmentedExperiment GanAugmented() => new(new ExperimentSettings(), new GanAugmentedRecipeOptions());

    /// <summary>Deblurring (DeblurGAN-v2's defaults): a generator restores synthetically blurred images, judged by a discriminator; PSNR/SSIM.</summary>
    public static DeblurExperiment Deblur() => new(new ExperimentSettings(), new DeblurRecipeOptions());
}
