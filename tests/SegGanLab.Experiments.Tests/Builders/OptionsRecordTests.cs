using System.Text.Json;
using SegGanLab.Losses;
using SegGanLab.Plots;
using Xunit;
using static SegGanLab.Experiments.LossTerms;

namespace SegGanLab.Experiments.Tests;

public sealed class OptionsRecordTests : RunsFolderTest
{
    static Dictionary<string, RunOption> Options(ExperimentResult run) =>
        RunFolder.Read(run.Folder).Options!.Options.ToDictionary(o => o.Name);

    [Fact]
    public void OptionsJson_HoldsEveryOption_AndMarksTheNonDefaultOnes()
    {
        var run = Tiny.Supervised().Schedule(ScheduleSpec.Poly(power: 2)).Seed(5).Run();
        var options = Options(run);
        var changed = RunFolder.Read(run.Folder).Options!.Changed.Select(o => o.Name).ToHashSet();

        foreach (var name in new[] { "steps", "batch", "data.count", "segmenter.depth", "segmenter.base_width", "optimizer.lr", "schedule", "schedule.value", "loss" })
            Assert.Contains(name, changed);
        foreach (var name in new[] { "device", "data.flip", "segmenter.num_classes", "segmenter.in_channels", "segmenter.norm", "optimizer.betas", "step_scale" })
            Assert.DoesNotContain(name, changed);
        Assert.Equal("unet", options["segmenter"].ValueText);
        Assert.Equal("6", options["segmenter.num_classes"].ValueText);
        Assert.Equal("4", options["segmenter.depth"].DefaultText);
        Assert.Equal("ce + dice", options["loss"].ValueText);
        Assert.Equal("ce", options["loss"].DefaultText);
        Assert.Equal(0.01, options["optimizer.lr"].Value.GetDouble());
        Assert.Equal(0.001, options["optimizer.lr"].Default!.Value.GetDouble());
        Assert.Equal("synthetic", options["data.kind"].ValueText);
        Assert.Equal(5, RunFolder.Read(run.Folder).Options!.Seed);
        var terms = options["loss.terms"].Value.EnumerateArray().Select(t => (t.GetProperty("name").GetString(), t.GetProperty("weight").GetDouble())).ToList();
        Assert.Equal([("ce", 1.0), ("dice", 1.0)], terms);
    }

    [Fact]
    public void GanRuns_RecordTheDiscriminator_ItsLossAndOptimizer_AndTheRecipeOptions()
    {
        var run = Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4))
            .Mode(GanMode.LsGan).Loss(Dice + 0.01 * Adversarial(GanMode.LsGan)).ImagePool(8).Data(Tiny.Data).Batch(4).Steps(2).Run();
        var options = Options(run);
        Assert.Equal("gan", RunFolder.Read(run.Folder).Options!.Recipe);
        Assert.Equal("patchgan", options["discriminator"].ValueText);
        Assert.Equal("6", options["discriminator.label_channels"].ValueText);
        Assert.Equal("3", options["discriminator.image_channels"].ValueText);
        Assert.Equal("0.5 * real + 0.5 * fake", options["discriminator_loss"].ValueText);
        Assert.Equal(0.0002, options["discriminator_optimizer.lr"].Value.GetDouble());
        Assert.Equal("LsGan", options["gan.mode"].ValueText);
        Assert.Equal("Vanilla", options["gan.mode"].DefaultText);
        Assert.True(options["gan.pool_size"].Differs);
        Assert.False(options["gan.encoding"].Differs);
        Assert.True(File.Exists(Path.Combine(run.Folder, "env.json")));
        using var env = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Folder, "env.json")));
        Assert.Equal(16, env.RootElement.GetProperty("data.fingerprint").GetString()!.Length);
    }

    [Fact]
    public void StepScale_ScalesStepsAndCadences_AndIsRecorded()
    {
        Environment.SetEnvironmentVariable("SEGGAN_STEP_SCALE", "0.25");
        var run = Tiny.Supervised().Steps(16).Evaluate(every: 8).Checkpoint(every: 2).Run();
        Assert.Equal(4, run.Steps);
        Assert.Equal([2L, 4L], run.Evaluations.Select(e => e.Step));
        var options = Options(run);
        Assert.Equal(0.25, options["step_scale"].Value.GetDouble());
        Assert.Equal(16, options["steps_requested"].Value.GetInt64());
        Assert.Equal(1, options["checkpoint_every"].Value.GetInt64());
    }

    [Fact]
    public void Epochs_BecomeSteps_AndTheNameDefaultsToTheScript()
    {
        var script = Path.Combine(Root, "my-experiment.csx");
        File.WriteAllText(script, "// the script");
        ExperimentHost.ScriptPath = script;
        var run = Tiny.Supervised().Epochs(1.5).Run();
        Assert.Equal(6, run.Steps);   // 16 samples / batch 4 = 4 steps an epoch
        Assert.Equal("my-experiment", run.Name);
        Assert.Equal("// the script", File.ReadAllText(Path.Combine(run.Folder, "script.csx")));
    }
}
