using SegGanLab.Data;
using SegGanLab.Imaging;
using static SegGanLab.Experiments.LossTerms;

namespace SegGanLab.Experiments.Tests;

/// <summary>Seconds-long experiments on tiny synthetic scenes, and small file datasets written for a test.</summary>
static class Tiny
{
    /// <summary>16 training and 8 validation scenes of 32x32, loaded on the training thread.</summary>
    public static DataSpec Data => DataSpec.Synthetic(count: 16, size: 32, valCount: 8).Workers(0);

    /// <summary>A 2-level U-Net of width 4 with CE + Dice, batch 4, Adam 1e-2, 6 steps.</summary>
    public static SupervisedExperiment Supervised() =>
        Experiment.Supervised().Data(Data).Segmenter(ModelSpec.UNet(depth: 2, baseWidth: 4)).Loss(CE + Dice)
            .Optimizer(OptimizerSpec.Adam(lr: 1e-2)).Batch(4).Steps(6).Evaluate(every: 3);

    /// <summary>
    /// Writes synthetic scenes as image/mask PNG pairs under <paramref name="root"/>: <c>images/</c> and
    /// <c>masks/</c> with two classes (background, shape) and a classes.txt, or with <paramref name="binary"/>
    /// the membrane layout <c>image/</c> and <c>label/</c> with 0/255 masks.
    /// </summary>
    public static string WriteFolder(string root, int count = 10, int size = 32, bool binary = false)
    {
        var (images, masks) = binary ? ("image", "label") : ("images", "masks");
        Directory.CreateDirectory(Path.Combine(root, images));
        Directory.CreateDirectory(Path.Combine(root, masks));
        var scenes = Datasets.Synthetic(count, size, size, seed: 5);
        for (var i = 0; i < count; i++)
        {
            var s = scenes.Get(i);
            var labels = s.Mask.Select(v => v == 0 ? (byte)0 : binary ? (byte)255 : (byte)1).ToArray();
            ImageFile.WritePng(Path.Combine(root, images, $"s{i:D2}.png"), new ImageData(size, size, 3, s.Image));
            ImageFile.WritePng(Path.Combine(root, masks, $"s{i:D2}.png"), new ImageData(size, size, 1, labels));
        }
        if (!binary) File.WriteAllLines(Path.Combine(root, "classes.txt"), ["background", "shape"]);
        return root;
    }
}

/// <summary>A temporary folder that runs are written to (SEGGAN_RUNS) and that is deleted afterwards.</summary>
public abstract class RunsFolderTest : IDisposable
{
    protected RunsFolderTest()
    {
        Root = Directory.CreateTempSubdirectory("seggan-experiments-").FullName;
        Runs = Path.Combine(Root, "runs");
        Environment.SetEnvironmentVariable(SupervisedExperiment.RunsVariable, Runs);
    }

    /// <summary>A scratch folder for fixtures.</summary>
    protected string Root { get; }

    /// <summary>Where runs go.</summary>
    protected string Runs { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(SupervisedExperiment.RunsVariable, null);
        Environment.SetEnvironmentVariable("SEGGAN_STEP_SCALE", null);
        ExperimentHost.Cancellation = CancellationToken.None;
        ExperimentHost.ScriptPath = null;
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
