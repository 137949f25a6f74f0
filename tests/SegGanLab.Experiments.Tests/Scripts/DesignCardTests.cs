using SegGanLab.Scripting;
using Xunit;
using static SegGanLab.Experiments.DataSpec;
using static SegGanLab.Experiments.LossTerms;
using static SegGanLab.Experiments.ModelSpec;

namespace SegGanLab.Experiments.Tests;

/// <summary>The design card's two forms, compiled as a user's script would be (ScriptSession with the script defaults) and as plain C#.</summary>
public sealed class DesignCardTests : RunsFolderTest
{
    const string BareNames = "Experiment.Gan().Generator(UNet).Discriminator(PatchGan).Loss(Dice + 0.01 * Adv).Data(Synthetic()).Run()";
    const string Qualified = "Experiment.Gan().Generator(Models.UNet()).Discriminator(Models.PatchGan()).Loss(Loss.Dice + 0.01 * Loss.Adversarial).Data(DATA).Run()";

    // A few steps on small data: the card's models as written (bare names: a U-Net of depth 4 and width 64).
    const string Small = "Synthetic(count: 16, size: 32, valCount: 8)";

    static async Task<object?> Execute(ScriptSession session, string code)
    {
        var result = await session.ExecuteAsync(code);
        Assert.True(result.Error is null, result.Error?.Message);
        return result.Value;
    }

    [Fact]
    public async Task BareNameForm_CompilesAsWritten_AndRunsAsAScript()
    {
        using var session = new ScriptSession();
        // Exactly the card's text, compiled (a lambda that is not called), then run on small data for 2 steps.
        await Execute(session, $"System.Func<ExperimentResult> card = () => {BareNames};");
        var value = await Execute(session, BareNames.Replace("Synthetic()", Small).Replace(".Run()", ".Batch(4).Steps(1).Run()"));

        var result = Assert.IsType<ExperimentResult>(value);
        Assert.Equal(("gan", 1L), (result.Recipe, result.Steps));
        Assert.True(result.History[^1].Losses.ContainsKey("D/total"));
    }

    [Fact]
    public async Task QualifiedForm_WithExplicitModules_RunsAsAScript()
    {
        // Models.UNet() and Models.PatchGan() are built for 2 classes: data with two classes fit them.
        var folder = Tiny.WriteFolder(Path.Combine(Root, "two-classes"), count: 12);
        using var session = new ScriptSession();
        var code = Qualified.Replace("DATA", $"Folder(@\"{folder}\")").Replace(".Run()", ".Batch(4).Steps(1).Run()");
        var result = Assert.IsType<ExperimentResult>(await Execute(session, code));
        Assert.Equal(1, result.Steps);
        Assert.Equal(["background", "shape"], SegGanLab.Plots.RunFolder.Read(result.Folder).Classes!.Names);
    }

    [Fact]
    public void BothForms_Compile_AsPlainCSharp_AndTheirVerbsRun()
    {
        // The card's text as C# (the scripts above run it); here with small models so the run stays short.
        Func<ExperimentResult> bare = () => Experiment.Gan().Generator(UNet).Discriminator(PatchGan).Loss(Dice + 0.01 * Adv).Data(Synthetic()).Run();
        Func<DataSpec, ExperimentResult> qualified = data => Experiment.Gan().Generator(Models.Models.UNet()).Discriminator(Models.Models.PatchGan())
            .Loss(Losses.Loss.Dice + 0.01 * Losses.Loss.Adversarial).Data(data).Run();
        Assert.NotNull(bare);
        Assert.NotNull(qualified);
        var small = Experiment.Gan().Generator(Models.Models.UNet(numClasses: 6, depth: 2, baseWidth: 4)).Discriminator(Models.Models.PatchGan(labelChannels: 6, layers: 2, baseWidth: 4))
            .Loss(Losses.Loss.Dice + 0.01 * Losses.Loss.Adversarial).Data(Tiny.Data).Batch(4).Steps(2).Run();
        Assert.Equal(2, small.Steps);
    }

    [Fact]
    public async Task ScriptsSeeTheBareNames_OfEveryKind()
    {
        using var session = new ScriptSession();
        var value = await Execute(session, """
            var e = Experiment.Supervised().Segmenter(UNet(depth: 3)).Loss(CE + 0.5 * Dice + Focal).Optimizer(SGD(lr: 0.01, momentum: 0.9))
                .Schedule(Warmup(100, Poly())).Data(CamVid("camvid").Crop(256, 256).RandomScale(0.5, 2)).Steps(1000);
            var g = Experiment.Gan().Generator(UNet).Discriminator(PixelGan).Mode(GanMode.LsGan).CriticSteps(2).ImagePool(50)
                .Encoding(LabelEncoding.Scaling).Optimizer(Adam(lr: 2e-4, betas: (0.5, 0.999))).Schedule(LinearDecay());
            e.ToString() + " | " + g.ToString()
            """);
        Assert.Equal("supervised experiment, data camvid camvid, crop 256x256, scale 0.5..2, flip, segmenter unet(depth: 3), loss ce + 0.5 * dice + focal | " +
                     "gan experiment, generator unet, discriminator pixelgan", value);
    }
}
